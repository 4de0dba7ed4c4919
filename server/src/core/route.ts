import type { Context } from 'koa';
import type { z } from 'zod';
import type { AccountKind } from '@xf/domain';
import type { Actor } from './actor';
import type { AppContext } from '../context';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  actor: Actor;
  app: AppContext;
  ctx: Context;
  requestId: string;
  file?: { buffer: Buffer; originalname: string; size: number; mimetype: string };
}

type Out<S> = S extends z.ZodType ? z.infer<S> : undefined;

/** A route: its schemas feed both validation and the OpenAPI document. */
export interface RouteDef<BS = unknown, QS = unknown, PS = unknown> {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  /** `public` routes need no login; the rest need a valid access token. */
  auth?: 'public' | 'user';
  /** Kinds allowed at all; finer rules live in policies. */
  kinds?: readonly AccountKind[];
  /** Routes still open while the account must change its password (auth routes). */
  allowPendingPasswordChange?: boolean;
  /** Site actions need an approved face profile (manual §01). */
  requiresApprovedFace?: boolean;
  body?: BS;
  query?: QS;
  params?: PS;
  /** Multipart upload: field name and what it may contain. */
  upload?: { field: string; accept: ('image' | 'document' | 'spreadsheet' | 'video')[] };
  /** Free-form description of the response for the docs. */
  responseDescription?: string;
  produces?: string;
  handler: (input: RouteInput<Out<BS>, Out<QS>, Out<PS>>) => Promise<unknown> | unknown;
}

export function route<
  BS extends z.ZodType | undefined = undefined,
  QS extends z.ZodType | undefined = undefined,
  PS extends z.ZodType | undefined = undefined,
>(def: RouteDef<BS, QS, PS>): RouteDef<any, any, any> {
  return def as RouteDef<any, any, any>;
}
