import { z } from 'zod';
import { faceProfileMachine } from '../workflow/face-profile';
import { numeric } from './common';
import { accountNameSchema, passwordSchema } from '../rules/forms';
import { abilitiesSchema, pageOf, pageQuerySchema } from './common';
import { personBriefSchema } from './institutions';

export const ACCOUNT_KINDS = [
  'brigade',
  'detachment',
  'institution_admin',
  'technical_lead',
  'project_lead',
  'operator',
] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const accountKindLabels: Record<AccountKind, string> = {
  brigade: '总队',
  detachment: '支队',
  institution_admin: '机构管理员',
  technical_lead: '技术负责人',
  project_lead: '项目负责人',
  operator: '现场维保检测人员',
};

/** The login channel (电脑端, 微信端, APP). "Client" means the 甲方 only. */
export const CHANNELS = ['web', 'weapp', 'app'] as const;
export type Channel = (typeof CHANNELS)[number];
export const channelLabels: Record<Channel, string> = { web: '电脑端', weapp: '微信端', app: 'APP' };

/**
 * Which channel each kind of account may log in from (manual §01: operators use the app only, project leads
 * WeChat only; the technical lead reviews on WeChat and files on the web).
 */
export const allowedChannels: Record<AccountKind, readonly Channel[]> = {
  brigade: ['web'],
  detachment: ['web'],
  institution_admin: ['web'],
  technical_lead: ['web', 'weapp'],
  project_lead: ['weapp'],
  operator: ['app'],
};

export const canUseChannel = (kind: AccountKind, channel: Channel) => allowedChannels[kind].includes(channel);

/** Kinds that belong to an institution's staff and are created from a registry person. */
export const STAFF_KINDS = ['technical_lead', 'project_lead', 'operator'] as const;
export type StaffKind = (typeof STAFF_KINDS)[number];

/** What a registry person needs to know to derive the account kind. */
export interface PersonCertificates {
  post: 'technical_lead' | 'project_lead' | 'operator' | 'other';
  engineerLevel: 1 | 2 | null;
  operatorCertificateNumber: string | null;
}

/**
 * The account kind follows from the person's certificates and cannot be chosen (manual §01):
 * the institution's 技术负责人 → technical lead; a registered engineer → project lead;
 * an operator certificate → field operator. Anyone else cannot have an account.
 */
export function deriveAccountKind(p: PersonCertificates): StaffKind | null {
  if (p.post === 'technical_lead' && p.engineerLevel) return 'technical_lead';
  if (p.engineerLevel) return 'project_lead';
  if (p.operatorCertificateNumber) return 'operator';
  return null;
}

const accountName = accountNameSchema.meta({ label: '账号' });
const password = passwordSchema.meta({ label: '密码' });
const positiveId = (label: string) => numeric(z.number().int().positive()).meta({ label });

export const createStaffAccountSchema = z.object({
  personId: positiveId('员工'),
  accountName,
  password,
});
export type CreateStaffAccountInput = z.infer<typeof createStaffAccountSchema>;

export const createInstitutionAdminSchema = z.object({
  institutionId: positiveId('机构'),
  accountName,
  password,
});

export const createDetachmentAccountSchema = z.object({
  detachmentId: positiveId('支队'),
  accountName,
  password,
});

export const resetPasswordSchema = z.object({ password });

export const accountListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(ACCOUNT_KINDS).optional().meta({ label: '账号类别' }),
  institutionId: positiveId('机构').optional().meta({ label: '机构' }),
  q: z.string().max(60).optional().meta({ label: '关键字' }),
});

export const accountViewSchema = z.object({
  id: z.number().int(),
  accountName: z.string(),
  kind: z.enum(ACCOUNT_KINDS),
  kindLabel: z.string(),
  displayName: z.string(),
  personId: z.number().int().nullable(),
  institutionId: z.number().int().nullable(),
  detachmentId: z.number().int().nullable(),
  disabled: z.boolean(),
  closedReason: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  wechatBound: z.boolean(),
  createdAt: z.string(),
  /** resetPassword / disable / enable for the signed-in account. */
  abilities: abilitiesSchema.optional(),
});
export type AccountView = z.infer<typeof accountViewSchema>;
export const accountListSchema = pageOf(accountViewSchema);

export const faceProfileStatuses = ['none', 'pending', 'approved', 'rejected'] as const;
export type FaceProfileStatus = (typeof faceProfileStatuses)[number];
/** An account's face status: its newest profile's state (a machine state), or 未上传. */
export const faceProfileStatusLabels: Record<FaceProfileStatus, string> = {
  none: '未上传',
  pending: faceProfileMachine.states.pending,
  approved: faceProfileMachine.states.approved,
  rejected: faceProfileMachine.states.rejected,
};

export interface SessionUser {
  id: number;
  accountName: string;
  kind: AccountKind;
  kindLabel: string;
  displayName: string;
  institutionId: number | null;
  institutionName: string | null;
  detachmentId: number | null;
  personId: number | null;
  mustChangePassword: boolean;
  faceProfileStatus: FaceProfileStatus;
  faceProfileRejectReason: string | null;
  /**
   * What the account may do where there is no row yet, as `resource.action` (e.g. `project.create`), from the
   * server's policy rules.
   */
  abilities: Record<string, boolean>;
}

/** A face profile (人脸底图) as its owner and the brigade's review queue see it. */
export const faceProfileViewSchema = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  accountName: z.string().optional(),
  accountKind: z.enum(ACCOUNT_KINDS).optional(),
  personName: z.string().optional(),
  idNumberMasked: z.string().nullable(),
  certificate: z
    .object({
      type: z.string(),
      level: z.string().nullable(),
      number: z.string().nullable(),
      validTo: z.string().nullable(),
    })
    .nullable(),
  institutionId: z.number().int().nullable(),
  institutionName: z.string().nullable().optional(),
  status: z.enum(['pending', 'approved', 'rejected', 'replaced']),
  statusLabel: z.string().optional(),
  rejectReason: z.string().nullable(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  photoUrl: z.string(),
});
export type FaceProfileView = z.infer<typeof faceProfileViewSchema>;
export const faceProfileListSchema = pageOf(faceProfileViewSchema);
/** One's own latest profile, or `none` before the first upload. */
export const ownFaceProfileSchema = z.union([
  faceProfileViewSchema,
  z.object({ status: z.literal('none'), statusLabel: z.string() }),
]);
export type OwnFaceProfile = z.infer<typeof ownFaceProfileSchema>;
/** A registry person who may get an account, with the kind the certificates give. */
export const staffCandidateSchema = personBriefSchema.extend({ accountKind: z.enum(STAFF_KINDS) });

/** A live photo against the caller's approved face profile (similarity 0–1, 1 = identical). */
export const faceComparisonSchema = z.object({
  distance: z.number(),
  similarity: z.number(),
  accepted: z.boolean(),
  threshold: z.number(),
});
export type FaceComparisonView = z.infer<typeof faceComparisonSchema>;
