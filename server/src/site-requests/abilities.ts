import { allowedActions, type Machine } from '@xf/domain';
import type { Actor } from '../core/actor';
import { can } from '../core/policy';

/**
 * What an actor may do with a workflow row now: the feature's rule allows it AND the row's machine allows it
 * from its current state. The route checks only the rule (403) and the command the machine (409); the
 * buttons need both.
 */
export async function workflowAbilities<S extends string, A extends string>(
  actor: Actor,
  resource: string,
  subject: unknown,
  machine: Machine<S, A>,
  state: S,
  actions: readonly A[],
): Promise<Record<string, boolean>> {
  const open = new Set<string>(allowedActions(machine, state, actor.kind));
  const out: Record<string, boolean> = {};
  for (const a of actions) out[a] = open.has(a) && (await can(actor, a, resource, subject));
  return out;
}
