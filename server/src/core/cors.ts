import type { Context, Next } from 'koa';

/**
 * The Android shell serves the H5 build from its own origin (https://localhost in Capacitor) and calls the API
 * across origins; only the configured origins are allowed.
 */
export function cors(origins: string[]) {
  const allowed = new Set(origins);
  return async (ctx: Context, next: Next) => {
    const origin = ctx.get('origin');
    if (origin && allowed.has(origin) && ctx.path.startsWith('/api/')) {
      ctx.set('Access-Control-Allow-Origin', origin);
      ctx.set('Vary', 'Origin');
      ctx.set('Access-Control-Expose-Headers', 'X-Request-Id');
      if (ctx.method === 'OPTIONS') {
        ctx.set('Access-Control-Allow-Methods', 'GET,POST,PUT,PATCH,DELETE');
        ctx.set('Access-Control-Allow-Headers', 'Authorization,Content-Type,Idempotency-Key,X-Request-Id');
        ctx.set('Access-Control-Max-Age', '600');
        ctx.status = 204;
        return;
      }
    }
    await next();
  };
}
