import { describe, expect, it } from 'vitest';
import { ApiBaseError, resolveApiBase } from '../config/api-base';

describe('XF_API_BASE (config/api-base.ts)', () => {
  it('refuses a weapp build without an https:// base', () => {
    expect(() => resolveApiBase(undefined, 'weapp')).toThrow(ApiBaseError);
    expect(() => resolveApiBase('', 'weapp')).toThrow(/XF_API_BASE=https:\/\//);
    expect(() => resolveApiBase('http://jianguan.example.cn', 'weapp')).toThrow(ApiBaseError);
    expect(() => resolveApiBase('/api', 'weapp')).toThrow(ApiBaseError);
    expect(resolveApiBase('https://jianguan.example.cn/', 'weapp')).toBe('https://jianguan.example.cn');
  });

  it('lets the H5 build served by the Koa server keep a relative base; any other base must be https', () => {
    expect(resolveApiBase(undefined, 'h5')).toBe('');
    expect(resolveApiBase('https://jianguan.example.cn', 'h5')).toBe('https://jianguan.example.cn');
    expect(resolveApiBase('http://localhost:3000', 'h5')).toBe('http://localhost:3000');
    expect(() => resolveApiBase('http://jianguan.example.cn', 'h5')).toThrow(ApiBaseError);
  });
});
