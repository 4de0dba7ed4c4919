import type { Context } from 'koa';
import type { z } from 'zod';
import type { AccountKind } from '@xf/domain';
import type { Actor } from './actor';
import type { AppContext } from '../context';
import type { RequestContext } from './command';
import type { UploadedFile } from './upload';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteInput<B, Q, P, T> {
  body: B;
  query: Q;
  params: P;
  actor: Actor;
  /** The request context every service and command takes (app, actor, request id). */
  context: RequestContext & { actor: Actor };
  /** The row the route's policy was checked on (loaded before the body is read). */
  subject: T;
  app: AppContext;
  ctx: Context;
  requestId: string;
  /** The route's upload, checked and saved to a temporary file (see core/upload.ts). */
  file?: UploadedFile;
}

type Out<S> = S extends z.ZodType ? z.infer<S> : undefined;

/** The rule a route needs: checked before the body is validated, so a foreign row gets 403 whatever is sent. */
export interface RoutePolicy<P, T> {
  action: string;
  resource: string;
  /** Loads the row the rule is checked on (404 when absent); without it the rule is checked on nothing. */
  load?: (params: P, actor: Actor) => Promise<T>;
  /** The 403 message when the rule refuses (default: 没有权限执行此操作). */
  refusal?: string;
}

/** A route: its schemas feed validation, the OpenAPI document and the typed clients. */
export interface RouteDef<BS = unknown, QS = unknown, PS = unknown, T = unknown> {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  /** `public` routes need no login; the rest need a valid access token. */
  auth?: 'public' | 'user';
  /**
   * Kinds allowed at all, for routes without a policy (e.g. one's own profile). Routes with a policy derive
   * their kinds from the feature's rules.
   */
  kinds?: readonly AccountKind[];
  policy?: RoutePolicy<Out<PS>, T>;
  /** Routes still open while the account must change its password (auth routes). */
  allowPendingPasswordChange?: boolean;
  /** Named guards registered by features (e.g. `approvedFace`, registered by face-profiles). */
  guards?: readonly string[];
  body?: BS;
  query?: QS;
  params?: PS;
  /** The response body's schema (in domain/, beside the request schemas), for the docs and typed clients. */
  response?: z.ZodType;
  /** Multipart upload: field name and what it may contain. */
  upload?: { field: string; accept: ('image' | 'document' | 'spreadsheet' | 'video')[] };
  /** Free-form description of the response for the docs (non-JSON responses). */
  responseDescription?: string;
  produces?: string;
  handler: (input: RouteInput<Out<BS>, Out<QS>, Out<PS>, T>) => Promise<unknown> | unknown;
}

export function route<
  BS extends z.ZodType | undefined = undefined,
  QS extends z.ZodType | undefined = undefined,
  PS extends z.ZodType | undefined = undefined,
  T = undefined,
>(def: RouteDef<BS, QS, PS, T>): RouteDef<any, any, any, any> {
  return def as RouteDef<any, any, any, any>;
}

/** Checks a feature registers for routes to name in `guards` (the core knows no feature). */
export type RouteGuard = (actor: Actor) => Promise<void>;
const guards = new Map<string, RouteGuard>();
export function registerRouteGuard(name: string, guard: RouteGuard) {
  guards.set(name, guard);
}
export function routeGuard(name: string): RouteGuard {
  const g = guards.get(name);
  if (!g) throw new Error(`route guard ${name} is not registered`);
  return g;
}
