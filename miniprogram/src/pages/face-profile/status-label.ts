import type { FaceProfileStatus } from '@xf/domain/api/accounts';

export const FACE_STATUS_LABEL: Record<FaceProfileStatus, string> = {
  none: '未上传',
  pending: '待审核',
  approved: '已通过',
  rejected: '已驳回',
};
