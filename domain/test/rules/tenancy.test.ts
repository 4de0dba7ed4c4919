import { describe, expect, it } from 'vitest';
import { inJurisdiction, isProjectLead, sameInstitution } from '../../src/rules/tenancy';

describe('ownership predicates shared by the policies', () => {
  it('an actor of no institution owns nothing, not even rows of no institution', () => {
    expect(sameInstitution({ institutionId: 3 }, { institutionId: 3 })).toBe(true);
    expect(sameInstitution({ institutionId: 3 }, { institutionId: 4 })).toBe(false);
    expect(sameInstitution({ institutionId: null }, { institutionId: null })).toBe(false);
  });

  it('a detachment sees its own jurisdiction only', () => {
    expect(inJurisdiction({ detachmentId: 1 }, { detachmentId: 1 })).toBe(true);
    expect(inJurisdiction({ detachmentId: 1 }, { detachmentId: 2 })).toBe(false);
    expect(inJurisdiction({ detachmentId: null }, { detachmentId: null })).toBe(false);
  });

  it('the project lead is the account named on the project', () => {
    expect(isProjectLead(7, { projectLeadAccountId: 7 })).toBe(true);
    expect(isProjectLead(7, { projectLeadAccountId: 8 })).toBe(false);
    expect(isProjectLead(7, { projectLeadAccountId: null })).toBe(false);
  });
});
