import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import { BUILD_INFO_FILE, resolveApiBase } from './api-base';
import { PrecacheManifestPlugin } from './precache-manifest-plugin';

const taroEnv = process.env.TARO_ENV ?? 'h5';
// Refuses a weapp build without an https:// base (README: 小程序的接口地址); the Koa-served H5 keeps ''.
const apiBase = resolveApiBase(process.env.XF_API_BASE, taroEnv);

/**
 * Packages shipped with syntax older WeChat engines cannot parse (`?.`, `??`, classes, arrow functions,
 * let/const): they go through babel like our own code, so the weapp output is ES5 (project.config.json
 * keeps es6: false; test/weapp-bundle.test.ts parses every file at ecmaVersion 5).
 */
const TRANSPILED_PACKAGES = ['zod', 'idb'];
const transpiled = (modulePath: string) => {
  const p = modulePath.replace(/\\/g, '/');
  return (
    p.includes('/domain/src/') || TRANSPILED_PACKAGES.some((name) => p.includes(`/node_modules/${name}/`))
  );
};

/**
 * npm workspaces keep this workspace's React 18 and the Taro packages that depend on it in
 * miniprogram/node_modules (the admin web hoists React 19 to the root); look there first for every
 * import, including imports made from packages hoisted to the root.
 */
function preferWorkspaceModules(chain: {
  resolve: { modules: { values(): string[]; clear(): unknown; add(p: string): unknown } };
}): void {
  const rest = chain.resolve.modules.values().filter((m) => m !== 'node_modules');
  chain.resolve.modules.clear();
  for (const m of [path.resolve(__dirname, '..', 'node_modules'), ...rest, 'node_modules'])
    chain.resolve.modules.add(m);
}

export default defineConfig<'webpack5'>(() => ({
  projectName: 'xf-miniprogram',
  date: '2025-1-1',
  // NutUI's styles are written for a 375 px design; our own for 750 px.
  designWidth(input?: { file?: string }) {
    return input?.file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
  },
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: `dist/${taroEnv}`,
  plugins: [],
  defineConstants: {
    // Empty: same origin as the page (H5 at /h5/ on the Koa server). https:// for weapp and the Android shell.
    XF_API_BASE: JSON.stringify(apiBase),
  },
  alias: { '@': path.resolve(__dirname, '..', 'src') },
  copy: {
    // The service worker must sit next to index.html so its scope covers the whole H5 app (/h5/).
    patterns: taroEnv === 'h5' ? [{ from: 'src/sw.js', to: `dist/h5/sw.js` }] : [],
    options: {},
  },
  framework: 'react',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  mini: {
    // @xf/domain is shipped as TypeScript source, so it must go through babel like our own code, and so
    // must the packages written in newer syntax than WeChat's older engines parse.
    compile: { include: [transpiled] },
    postcss: {
      pxtransform: { enable: true, config: {} },
      cssModules: { enable: false },
    },
    webpackChain(
      chain: Parameters<typeof preferWorkspaceModules>[0] & {
        plugin(name: string): { use(p: unknown): unknown };
      },
    ) {
      preferWorkspaceModules(chain);
    },
  },
  h5: {
    // Served by the Koa server under /h5/ and from file assets inside the Android shell: relative URLs work in both.
    publicPath: './',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    compile: {
      include: [(modulePath: string) => modulePath.includes(`${path.sep}domain${path.sep}src${path.sep}`)],
    },
    output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
    miniCssExtractPluginOption: {
      ignoreOrder: true,
      filename: 'css/[name].[contenthash:8].css',
      chunkFilename: 'css/[name].[contenthash:8].css',
    },
    postcss: {
      autoprefixer: { enable: true, config: {} },
      cssModules: { enable: false },
    },
    webpackChain(
      chain: Parameters<typeof preferWorkspaceModules>[0] & {
        plugin(name: string): { use(p: unknown): unknown };
      },
    ) {
      preferWorkspaceModules(chain);
      chain.plugin('precache-manifest').use(PrecacheManifestPlugin);
      chain.plugin('build-info').use(BuildInfoPlugin);
    },
  },
}));

/** Emits xf-build.json ({ apiBase }) with the H5 build: the shell bundle step reads it. */
class BuildInfoPlugin {
  apply(compiler: import('webpack').Compiler): void {
    const { webpack } = compiler;
    compiler.hooks.thisCompilation.tap('BuildInfoPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'BuildInfoPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () =>
          compilation.emitAsset(BUILD_INFO_FILE, new webpack.sources.RawSource(JSON.stringify({ apiBase }))),
      );
    });
  }
}
