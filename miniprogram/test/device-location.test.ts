import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tarojs/taro', () => ({ default: {} }));
const { getLocation, mockFlagField, CAMERA_PROMPT_LABELS } = await import('../src/platform/device');

describe('location mock flag on each platform (platform/device.ts)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('a plain browser cannot tell: the flag is unknown, sent as "unknown", never false', async () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('navigator', {
      geolocation: {
        getCurrentPosition: (ok: (p: unknown) => void) =>
          ok({ coords: { latitude: 39.93, longitude: 116.41, accuracy: 12 }, timestamp: 1_700_000_000_000 }),
      },
    });
    const fix = await getLocation();
    expect(fix).toMatchObject({ source: 'browser', mocked: null, crs: 'WGS84' });
    expect(mockFlagField(fix.mocked)).toBe('unknown');
  });

  it('in the shell the native XfLocation plugin gives the OS mock flag and the fix time', async () => {
    const getFix = vi.fn(async () => ({
      lng: 116.41,
      lat: 39.93,
      accuracy: 8,
      time: 1_700_000_000_000,
      isMock: true,
      provider: 'gps',
    }));
    vi.stubGlobal('window', {
      Capacitor: { isNativePlatform: () => true, Plugins: { XfLocation: { getFix }, Geolocation: {} } },
    });
    const fix = await getLocation();
    expect(getFix).toHaveBeenCalledWith({ timeoutMs: 15_000, highAccuracy: true });
    expect(fix).toMatchObject({ source: 'native', provider: 'gps', mocked: true, accuracy: 8 });
    expect(fix.at).toBe(new Date(1_700_000_000_000).toISOString());
    expect(mockFlagField(fix.mocked)).toBe('true');
    expect(mockFlagField(false)).toBe('false');
  });

  it('the camera source sheet is in Chinese', () => {
    expect(Object.values(CAMERA_PROMPT_LABELS).join('')).toMatch(/^[\u4e00-\u9fa5]+$/);
  });
});
