import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import { PrecacheManifestPlugin } from './precache-manifest-plugin';

const taroEnv = process.env.TARO_ENV ?? 'h5';

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
    // Empty: same origin as the page (H5 at /h5/ on the Koa server). Set for weapp and the Android shell.
    XF_API_BASE: JSON.stringify(process.env.XF_API_BASE ?? ''),
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
    // @xf/domain is shipped as TypeScript source, so it must go through babel like our own code.
    compile: {
      include: [(modulePath: string) => modulePath.includes(`${path.sep}domain${path.sep}src${path.sep}`)],
    },
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
    },
  },
}));
