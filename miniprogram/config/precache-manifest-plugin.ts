import type { Compiler } from 'webpack';

/**
 * Emits `precache-manifest.json` (every file of the H5 build plus the build hash) so the service worker
 * can cache the whole app shell at install time: hashed chunk names are only known after the build.
 */
export class PrecacheManifestPlugin {
  apply(compiler: Compiler): void {
    const { webpack } = compiler;
    compiler.hooks.thisCompilation.tap('PrecacheManifestPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'PrecacheManifestPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const files = Object.keys(assets)
            .filter((name) => !name.endsWith('.map') && !name.endsWith('.LICENSE.txt') && name !== 'sw.js')
            .sort();
          const manifest = { version: compilation.hash ?? String(Date.now()), files };
          compilation.emitAsset(
            'precache-manifest.json',
            new webpack.sources.RawSource(JSON.stringify(manifest, null, 2)),
          );
        },
      );
    });
  }
}
