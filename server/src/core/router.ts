import Router from '@koa/router';
import type { Context } from 'koa';
import type { z } from 'zod';
import type { Actor } from './actor';
import type { AppContext } from '../context';
import { uploadMiddleware } from './upload';
import { forbidden } from './errors';
import { authorize, kindsAllowed } from './policy';
import { routeGuard, type RouteDef } from './route';
import { parseOrThrow } from './validation';

/** Mount route definitions: authentication, kind check, validation, upload checks, then the thin handler. */
export type Authenticate = (app: AppContext, ctx: Context) => Promise<Actor>;

export function buildRouter(app: AppContext, routes: RouteDef<any, any, any>[], authenticate: Authenticate) {
  const router = new Router({ prefix: '/api' });

  for (const def of routes) {
    const middlewares: any[] = [];
    // Who is asking comes first, so nobody uploads anything before being authenticated and authorised.
    middlewares.push(async (ctx: Context, next: () => Promise<void>) => {
      if (def.auth !== 'public') {
        const actor = await authenticate(app, ctx);
        if (actor.account.mustChangePassword && !def.allowPendingPasswordChange)
          throw forbidden('首次登录或密码被重置后，请先修改密码', 'must_change_password');
        const kinds = routeKinds(def);
        if (kinds !== '*' && !kinds.includes(actor.kind)) throw forbidden('当前账号类别无权访问此功能');
        for (const name of def.guards ?? []) await routeGuard(name)(actor);
        ctx.state.actor = actor;
        // Permission is decided on the row before the body is read: a foreign row is 403 whatever is sent.
        if (def.policy) {
          const params = def.params ? parseOrThrow(def.params as z.ZodType, ctx.params, 'params') : undefined;
          ctx.state.params = params;
          const subject = def.policy.load ? await def.policy.load(params, actor) : undefined;
          await authorize(actor, def.policy.action, def.policy.resource, subject, def.policy.refusal);
          ctx.state.subject = subject;
        }
      }
      await next();
    });
    if (def.upload) middlewares.push(uploadMiddleware(app, def.upload));
    middlewares.push(async (ctx: Context) => {
      const input = {
        body: def.body ? parseOrThrow(def.body as z.ZodType, (ctx.request as any).body, 'body') : undefined,
        query: def.query ? parseOrThrow(def.query as z.ZodType, ctx.query, 'query') : undefined,
        params:
          ctx.state.params ??
          (def.params ? parseOrThrow(def.params as z.ZodType, ctx.params, 'params') : undefined),
        actor: ctx.state.actor,
        context: { app, actor: ctx.state.actor, requestId: ctx.state.requestId },
        subject: ctx.state.subject,
        app,
        ctx,
        requestId: ctx.state.requestId,
        file: undefined as any,
      };
      if (def.upload) input.file = ctx.state.upload;
      const result = await def.handler(input);
      if (result !== undefined) ctx.body = result;
    });
    router[def.method](def.path, ...middlewares);
  }
  return router;
}

/** A route's coarse kind check: from its policy's rules when it has one, else its own list, else anyone. */
export function routeKinds(def: RouteDef<any, any, any, any>) {
  if (def.policy) return kindsAllowed(def.policy.action, def.policy.resource);
  return def.kinds ?? '*';
}
