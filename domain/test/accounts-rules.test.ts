import { describe, expect, it } from 'vitest';
import { canUseChannel, deriveAccountKind, projectLeadRefusal } from '../src/index';

describe('account kind from certificates', () => {
  it('technical lead, project lead, operator, or nothing', () => {
    expect(
      deriveAccountKind({ post: 'technical_lead', engineerLevel: 1, operatorCertificateNumber: null }),
    ).toBe('technical_lead');
    expect(
      deriveAccountKind({ post: 'project_lead', engineerLevel: 2, operatorCertificateNumber: 'X1' }),
    ).toBe('project_lead');
    expect(
      deriveAccountKind({ post: 'operator', engineerLevel: null, operatorCertificateNumber: 'X1' }),
    ).toBe('operator');
    expect(
      deriveAccountKind({ post: 'other', engineerLevel: null, operatorCertificateNumber: null }),
    ).toBeNull();
  });
});

describe('clients', () => {
  it('operators use the app only; project leads WeChat only; technical leads WeChat and web', () => {
    expect(canUseChannel('operator', 'app')).toBe(true);
    expect(canUseChannel('operator', 'web')).toBe(false);
    expect(canUseChannel('project_lead', 'weapp')).toBe(true);
    expect(canUseChannel('project_lead', 'web')).toBe(false);
    expect(canUseChannel('technical_lead', 'web')).toBe(true);
    expect(canUseChannel('technical_lead', 'app')).toBe(false);
  });
});

describe('project lead', () => {
  it('a registered engineer may lead; the technical lead never', () => {
    expect(projectLeadRefusal({ kind: 'project_lead' })).toBeNull();
    expect(projectLeadRefusal({ kind: 'technical_lead' })).toBe('技术负责人不能担任项目负责人');
    expect(projectLeadRefusal({ kind: 'operator' })).toContain('注册消防工程师');
    expect(projectLeadRefusal({ kind: 'project_lead', disabled: true })).toContain('停用');
  });
});
