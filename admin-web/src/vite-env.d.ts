/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Leaflet tile URL template for the office-address map (AutoNavi tiles are GCJ-02). */
  readonly VITE_TILE_URL?: string;
  /** Subdomains for `{s}` in VITE_TILE_URL. */
  readonly VITE_TILE_SUBDOMAINS?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
