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
import { answerKey, cacheableAnswer } from './read-cache';

/** Mount route definitions: authentication, kind check, validation, upload checks, then the thin handler. */
export type Authenticate = (app: AppContext, ctx: Context) => Promise<Actor>;

export function buildRouter(app: AppContext, routes: RouteDef<any, any, any>[], authenticate: Authenticate) {
  const router = new Router({ prefix: '/api' });

  for (const def of routes) {
    const middlewares: any[] = [];
    // Who is asking comes first, so nobody uploads anything before being authenticated and authorised.
    middlewares.push(async (ctx: Context, next: () => Promise<void>) => {
      if (def.auth !== 'public') {
        // Read once, before anything is read from the database: what this request caches is valid at it.
        ctx.state.dataVersion = app.readCache ? await app.readCache.version() : null;
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
      // A read asked again with nothing written anywhere since: the same answer, without the database. Every check
      // above (session, kind, guards, policy) has run for this request all the same.
      const version = ctx.state.dataVersion;
      const key = def.method === 'get' && version && app.readCache ? answerKey(ctx) : null;
      if (key) {
        const hit = app.readCache!.get<string>(key, version!);
        if (hit !== undefined) {
          ctx.type = 'json';
          ctx.body = hit;
          return;
        }
      }
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
      const headersBefore = Object.keys(ctx.response.headers).length;
      const result = await def.handler(input);
      if (result === undefined) return;
      // Only a plain JSON answer the handler shaped no other way (no status, no header of its own) is kept.
      if (key && cacheableAnswer(ctx, result, headersBefore)) {
        const json = JSON.stringify(result);
        app.readCache!.set(key, version!, json, json.length * 2);
        ctx.type = 'json';
        ctx.body = json;
      } else ctx.body = result;
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
