import type { SiteRequestView } from '@xf/domain/api/site-requests';

/** The operator's checks in words; a failed one must be overridden with a reason (红色标记). */
export function operatorChecks(r: SiteRequestView) {
  const l = r.locationCheck;
  const location = l.inside
    ? `通过（距项目位置${l.distanceM == null ? '—' : Math.round(l.distanceM)}米）`
    : `未通过：${l.message}`;
  const face = `${r.faceCheck.accepted ? '通过' : '未通过'}（差异度${r.faceCheck.distance.toFixed(2)}，阈值${r.faceCheck.threshold.toFixed(2)}，越小越相似）`;
  const failed = [...(l.inside ? [] : ['位置校验']), ...(r.faceCheck.accepted ? [] : ['人脸比对'])];
  return { location, face, failed };
}

/** Beijing time whatever the phone's time zone. */
export const beijingTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** 检测 / 维保: which work the request is for (one list holds both). */
export const taskKindLabel = (r: Pick<SiteRequestView, 'taskKind'>) =>
  r.taskKind === 'maintenance' ? '维保' : '检测';
