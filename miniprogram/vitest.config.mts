import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { XF_API_BASE: JSON.stringify(''), 'process.env.TARO_ENV': JSON.stringify('h5') },
  test: { include: ['test/**/*.test.ts'], environment: 'node' },
});
