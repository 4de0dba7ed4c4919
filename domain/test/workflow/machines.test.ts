import { describe, expect, it } from 'vitest';
import {
  allMachines,
  allowedActions,
  findTransition,
  GONE,
  reachableStates,
  refusalText,
  type Machine,
} from '../../src/workflow';

describe('workflow tables', () => {
  for (const m of allMachines as readonly Machine[]) {
    describe(m.name, () => {
      it('reaches every state from its initial state', () => {
        expect([...reachableStates(m)].sort()).toEqual(Object.keys(m.states).sort());
      });
      it('names every state and action in Chinese and uses only declared ones', () => {
        for (const label of [...Object.values(m.states), ...Object.values(m.actions)])
          expect(label).toMatch(/^[\u4e00-\u9fa5“”（）]+$/);
        for (const t of m.transitions) {
          expect(Object.keys(m.states)).toContain(t.from);
          expect(Object.keys(m.actions)).toContain(t.action);
          if (t.to !== GONE) expect(Object.keys(m.states)).toContain(t.to);
        }
      });
      it('has at most one transition per state and action, and refuses the rest in Chinese', () => {
        const seen = new Set(m.transitions.map((t) => `${t.from}:${t.action}`));
        expect(seen.size).toBe(m.transitions.length);
        for (const s of Object.keys(m.states))
          for (const a of Object.keys(m.actions)) {
            if (findTransition(m, s, a)) continue;
            expect(refusalText(m, s, a)).toMatch(/[\u4e00-\u9fa5]/);
            expect(refusalText(m, s, a)).not.toMatch(/[a-z]/); // no identifiers (“APP” is the manual's word)
          }
      });
    });
  }

  it('offers an action only to the kinds the table names', async () => {
    const { reportMachine } = await import('../../src/workflow');
    expect(allowedActions(reportMachine, 'uploaded', 'technical_lead')).toEqual(['file']);
    expect(allowedActions(reportMachine, 'uploaded', 'institution_admin').sort()).toEqual([
      'delete',
      'replace',
    ]);
    expect(allowedActions(reportMachine, 'filed')).toEqual([]);
  });
});
