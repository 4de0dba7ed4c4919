import { findTransition, refusalText, type Gone, type Machine } from '@xf/domain';
import type { Actor } from './actor';
import { conflict, forbidden } from './errors';

/**
 * The one way a workflow row changes state: look the transition up in the machine's table (domain/workflow)
 * and answer 409 with the machine's Chinese text when the table does not allow it. The caller writes the
 * returned state inside its command's transaction; `GONE` means the row is to be removed.
 */
export function transition<S extends string, A extends string>(
  machine: Machine<S, A>,
  from: S,
  action: A,
  actor?: Pick<Actor, 'kind'>,
): S | Gone {
  const t = findTransition(machine, from, action);
  if (!t) throw conflict(refusalText(machine, from, action), 'status');
  if (actor && t.by && !t.by.includes(actor.kind))
    throw forbidden(`当前账号不能${machine.actions[action]}${machine.subject.replace(/^该/, '')}`);
  return t.to;
}

/** Like `transition` for actions that never remove the row. */
export function nextState<S extends string, A extends string>(
  machine: Machine<S, A>,
  from: S,
  action: A,
  actor?: Pick<Actor, 'kind'>,
): S {
  const to = transition(machine, from, action, actor);
  if (to === 'gone') throw new Error(`${machine.name}.${action} removes the row; use transition()`);
  return to;
}
