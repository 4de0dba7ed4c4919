/** A refused check: the field and a Chinese reason naming the rule. */
export type RuleRefusal = { ok: false; field: string; message: string };

/** Outcome of a single rule check: either allowed, or refused with the field and a Chinese reason. */
export type RuleResult = { ok: true } | RuleRefusal;

export const allowed: RuleResult = Object.freeze({ ok: true as const });

export function refused(field: string, message: string): RuleRefusal {
  return { ok: false, field, message };
}

/** First refusal among several checks, or allowed. */
export function firstRefusal(results: Iterable<RuleResult>): RuleResult {
  for (const r of results) if (!r.ok) return r;
  return allowed;
}
