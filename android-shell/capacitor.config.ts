import type { CapacitorConfig } from '@capacitor/cli';

/**
 * The operator app: the Taro H5 build (miniprogram/dist/h5, copied to www/ by scripts/copy-h5.mjs) runs
 * inside the WebView, so the app shell and the offline outbox work with no network at all.
 */
const config: CapacitorConfig = {
  appId: 'cn.gov.bjxf.fireservice.operator',
  appName: '消防维保检测',
  webDir: 'www',
  android: {
    // API calls go to the HTTPS server configured at H5 build time (XF_API_BASE); never plain HTTP.
    allowMixedContent: false,
    // Android 15 (target SDK 35) draws apps edge to edge: keep the WebView out of the system bars.
    adjustMarginsForEdgeToEdge: 'auto',
  },
  plugins: {
    Geolocation: {},
    Camera: {},
  },
};

export default config;
