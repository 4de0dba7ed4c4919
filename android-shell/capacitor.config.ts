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
  },
  plugins: {
    Geolocation: {},
    Camera: {},
  },
};

export default config;
