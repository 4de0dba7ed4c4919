import { Op, Sequelize, type WhereOptions } from 'sequelize';
import type { AccountKind } from '@xf/domain';
import type { Actor } from './actor';
import { forbidden } from './errors';

/**
 * Authorization in one place per feature. A feature's `policies.ts` declares
 * - its rules: `allow(kinds, action, resource, condition)`: may this actor take this action on this row;
 * - its list scope: `scope(resource, actor => ALL | NONE | where)`: which rows this actor sees.
 * Routes name the rule they need (`policy` in the route definition) and the router checks it before the
 * body is read; presenters send `abilities(...)` so the clients show buttons by ability, not by account kind.
 */
type Condition<R> = (actor: Actor, resource: R) => boolean | Promise<boolean>;

interface Rule {
  kinds: readonly AccountKind[] | '*';
  action: string;
  resource: string;
  condition?: Condition<any>;
}

const rules: Rule[] = [];
/**
 * The rules by resource and action: presenters ask `can` for every action of every listed row (a page of 20
 * projects asks 120 times), and scanning all the rules for each was a measurable share of a list request.
 */
const rulesFor = new Map<string, Rule[]>();
const ruleKey = (action: string, resource: string) => `${resource}\u0000${action}`;

export function allow<R = unknown>(
  kinds: readonly AccountKind[] | '*',
  action: string | readonly string[],
  resource: string,
  condition?: Condition<R>,
) {
  for (const a of typeof action === 'string' ? [action] : action) {
    const rule = { kinds, action: a, resource, condition };
    rules.push(rule);
    const key = ruleKey(a, resource);
    rulesFor.set(key, [...(rulesFor.get(key) ?? []), rule]);
  }
}

export async function can(
  actor: Actor,
  action: string,
  resource: string,
  subject?: unknown,
): Promise<boolean> {
  for (const rule of rulesFor.get(ruleKey(action, resource)) ?? []) {
    if (rule.kinds !== '*' && !rule.kinds.includes(actor.kind)) continue;
    if (!rule.condition || (await rule.condition(actor, subject))) return true;
  }
  return false;
}

export async function authorize(
  actor: Actor,
  action: string,
  resource: string,
  subject?: unknown,
  message?: string,
) {
  if (!(await can(actor, action, resource, subject))) throw forbidden(message ?? '没有权限执行此操作');
}

/** The account kinds any rule lets take an action at all (a route's coarse check, derived, never listed). */
export function kindsAllowed(action: string, resource: string): readonly AccountKind[] | '*' {
  const kinds = new Set<AccountKind>();
  for (const rule of rules) {
    if (rule.action !== action || rule.resource !== resource) continue;
    if (rule.kinds === '*') return '*';
    rule.kinds.forEach((k) => kinds.add(k));
  }
  return [...kinds];
}

/** What an actor may do with one row, for the presenters: `{ update: true, delete: false, … }`. */
export async function abilities(
  actor: Actor,
  resource: string,
  subject: unknown,
  actions: readonly string[] = actionsOf(resource),
): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const a of actions) out[a] = await can(actor, a, resource, subject);
  return out;
}

/**
 * What an account may do where there is no row yet (创建/添加 buttons): every `resource.action` a rule without a
 * row condition grants the kind, e.g. `{ 'project.create': true }`. Sent with the session user, so clients
 * show such buttons by abilities, never by account kind.
 */
export function accountAbilities(kind: AccountKind): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const rule of rules)
    if (!rule.condition && (rule.kinds === '*' || rule.kinds.includes(kind)))
      out[`${rule.resource}.${rule.action}`] = true;
  return out;
}

export function actionsOf(resource: string): string[] {
  return [...new Set(rules.filter((r) => r.resource === resource).map((r) => r.action))];
}

// ---- list scopes -------------------------------------------------------------------------------------

/** Every row. */
export const ALL = Object.freeze({ scope: 'all' as const });
/** No row. */
export const NONE = Object.freeze({ scope: 'none' as const });
/** One meaning for "all" and "none" everywhere; anything else is a where clause. */
export type ListScope<W = WhereOptions<any>> = typeof ALL | typeof NONE | { scope: 'where'; where: W };
export const where = <W>(w: W): ListScope<W> => ({ scope: 'where', where: w });

type ScopeFn = (actor: Actor) => ListScope | Promise<ListScope>;
const scopes = new Map<string, ScopeFn>();

export function scope(resource: string, fn: ScopeFn) {
  scopes.set(resource, fn);
}

export async function listScope(actor: Actor, resource: string): Promise<ListScope> {
  const fn = scopes.get(resource);
  return fn ? fn(actor) : NONE;
}

/** The scope as a Sequelize where clause: all → {}, none → a clause matching nothing. */
export function scopeWhere(s: ListScope): WhereOptions<any> {
  if (s.scope === 'all') return {};
  if (s.scope === 'none') return Sequelize.literal('1 = 0') as unknown as WhereOptions<any>;
  return s.where as WhereOptions<any>;
}

/** The ids a scope over a numeric column allows, as a where on that column. */
export function idsScope(column: string, ids: readonly number[]): ListScope {
  return where({ [column]: { [Op.in]: ids } });
}

/** Rules registered so far, for the policy table test and docs. */
export const registeredRules = () =>
  rules.map(({ kinds, action, resource }) => ({ kinds, action, resource }));
