import type { AccountKind } from '@xf/domain';
import type { Actor } from './actor';
import { forbidden } from './errors';

/**
 * Authorization as small declarative rules: allow(kinds, action, resource type, condition).
 * Each module declares its own rules in its `policies.ts`; routes call `authorize`.
 */
type Condition<R> = (actor: Actor, resource: R) => boolean | Promise<boolean>;

interface Rule {
  kinds: readonly AccountKind[] | '*';
  action: string;
  resource: string;
  condition?: Condition<any>;
}

const rules: Rule[] = [];

export function allow<R = unknown>(
  kinds: readonly AccountKind[] | '*',
  action: string | string[],
  resource: string,
  condition?: Condition<R>,
) {
  for (const a of Array.isArray(action) ? action : [action])
    rules.push({ kinds, action: a, resource, condition });
}

export async function can(
  actor: Actor,
  action: string,
  resource: string,
  subject?: unknown,
): Promise<boolean> {
  for (const rule of rules) {
    if (rule.action !== action || rule.resource !== resource) continue;
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

/** Rules registered so far, for the policy table test and docs. */
export const registeredRules = () =>
  rules.map(({ kinds, action, resource }) => ({ kinds, action, resource }));
