/**
 * State machines as data, one shape for every workflow (projects, applications, reports, site requests,
 * plans, tasks, records, reviews, faults, filing).
 *
 * A machine lists its states with their Chinese labels and its transitions: from → action → to, the account
 * kinds allowed to take it, and the Chinese text given when it is refused. A transition whose `to` is
 * `GONE` removes the row: that is the only representation of deletion.
 */
import type { AccountKind } from '../api/accounts';

/** The one representation of "the row no longer exists" after a transition. */
export const GONE = 'gone' as const;
export type Gone = typeof GONE;

export interface Transition<S extends string, A extends string> {
  from: S;
  action: A;
  to: S | Gone;
  /** Who may take it; every kind when absent (the feature's policies still apply). */
  by?: readonly AccountKind[];
}

export interface Machine<S extends string = string, A extends string = string> {
  /** Stable identifier, also used in the operation log (e.g. `report`). */
  name: string;
  /** What the machine governs, in Chinese (used in messages: 「该报告…」). */
  subject: string;
  states: Record<S, string>;
  /** The state a new row starts in. */
  initial: S | readonly S[];
  actions: Record<A, string>;
  transitions: readonly Transition<S, A>[];
  /**
   * Refusal text per state (e.g. a filed report), or per state and action where one state refuses several
   * actions differently; else the generic text below.
   */
  refusals?: Partial<Record<S, string | Partial<Record<A, string>>>>;
}

export function defineMachine<const S extends string, const A extends string>(
  m: Machine<S, A>,
): Machine<S, A> {
  return m;
}

export type StateOf<M> = M extends Machine<infer S, string> ? S : never;
export type ActionOf<M> = M extends Machine<string, infer A> ? A : never;

/** The transition taken by `action` from `from`, or undefined when the table does not allow it. */
export function findTransition<S extends string, A extends string>(
  m: Machine<S, A>,
  from: S,
  action: A,
): Transition<S, A> | undefined {
  return m.transitions.find((t) => t.from === from && t.action === action);
}

/** Actions allowed from a state (for a given account kind when one is named). */
export function allowedActions<S extends string, A extends string>(
  m: Machine<S, A>,
  from: S,
  kind?: AccountKind,
): A[] {
  return m.transitions
    .filter((t) => t.from === from && (!kind || !t.by || t.by.includes(kind)))
    .map((t) => t.action);
}

/** The Chinese text a refused transition answers with. */
export function refusalText<S extends string, A extends string>(
  m: Machine<S, A>,
  from: S,
  action: A,
): string {
  const specific: string | Partial<Record<A, string>> | undefined = m.refusals?.[from];
  const text = typeof specific === 'string' ? specific : specific?.[action];
  if (text) return text;
  return `${m.subject}当前为“${m.states[from]}”，不能${m.actions[action]}`;
}

/** Every state reachable from the initial states (the table test asserts it covers all of them). */
export function reachableStates<S extends string, A extends string>(m: Machine<S, A>): Set<S> {
  const seen = new Set<S>(([] as S[]).concat(m.initial as S | S[]));
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of m.transitions)
      if (seen.has(t.from) && t.to !== GONE && !seen.has(t.to as S)) {
        seen.add(t.to as S);
        grew = true;
      }
  }
  return seen;
}
