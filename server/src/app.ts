import { existsSync } from 'node:fs';
import path from 'node:path';
import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import send from 'koa-send';
import { authenticate } from './accounts/authenticate';
import type { AppContext } from './context';
import { cors } from './core/cors';
import { errorHandler, refuseUnsafeInput, requestContext } from './core/http';
import { buildOpenApi, docsPage } from './core/openapi';
import { buildRouter } from './core/router';
import { allRoutes } from './routes';
import { verifyPageMiddleware } from './testing-reports/routes';

/** The Koa app: API under /api, the admin web at /, the Taro H5 build at /h5/. */
export function createApp(app: AppContext): Koa {
  const koa = new Koa({ proxy: true });
  koa.use(requestContext(app.logger));
  koa.use(errorHandler());
  koa.use(cors(app.config.corsOrigins));
  koa.use(bodyParser({ enableTypes: ['json'], jsonLimit: '10mb', encoding: 'utf-8' }));
  koa.use(refuseUnsafeInput());

  const openapi = buildOpenApi(allRoutes);
  koa.use(async (ctx, next) => {
    if (ctx.path === '/api/openapi.json') ctx.body = openapi;
    else if (ctx.path === '/api/docs') {
      ctx.type = 'html';
      ctx.body = docsPage();
    } else await next();
  });

  // The public page a report's QR code opens (reports/verification: nothing personal).
  koa.use(verifyPageMiddleware());
  const router = buildRouter(app, allRoutes, authenticate);
  koa.use(router.routes());
  koa.use(router.allowedMethods());

  if (app.config.serveClients) {
    serveBuild(koa, '/h5', path.join(app.config.repoRoot, 'miniprogram', 'dist', 'h5'), 'index.html');
    serveBuild(koa, '', path.join(app.config.repoRoot, 'admin-web', 'dist'), 'index.html');
  }
  return koa;
}

/** Static files of a client build; unknown paths fall back to its index.html (client-side routing). */
function serveBuild(koa: Koa, prefix: string, root: string, index: string) {
  koa.use(async (ctx, next) => {
    if (ctx.path.startsWith('/api/') || (prefix && ctx.path !== prefix && !ctx.path.startsWith(`${prefix}/`)))
      return next();
    if (!prefix && ctx.path.startsWith('/h5')) return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (!existsSync(root)) return next();
    if (prefix && ctx.path === prefix) return ctx.redirect(`${prefix}/`);
    const rel = ctx.path.slice(prefix.length) || '/';
    const isAsset = /\.[a-z0-9]+$/i.test(rel);
    // The service worker and the HTML must always be revalidated so an update reaches the field.
    const noCache = !isAsset || rel.endsWith('sw.js');
    try {
      await send(ctx, isAsset ? rel : index, {
        root,
        setHeaders: (res) => res.setHeader('Cache-Control', noCache ? 'no-cache' : 'public, max-age=300'),
      });
    } catch (e: any) {
      if (e?.status === 404 && !isAsset) await send(ctx, index, { root });
      else if (e?.status !== 404) throw e;
    }
  });
}
