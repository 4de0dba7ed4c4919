/**
 * The detachments (支队) of 北京市消防救援总队: one per district plus three with special jurisdictions.
 * The code is stable (it keys stored data) and is also the detachment's login name, so it must stay a
 * valid account name: letters and digits only.
 */
export interface Detachment {
  code: string;
  name: string;
  /** The Beijing district the detachment covers; null for jurisdictions that are not one district. */
  district: string | null;
}

export const detachments: readonly Detachment[] = [
  { code: 'dongcheng', name: '东城支队', district: '东城区' },
  { code: 'xicheng', name: '西城支队', district: '西城区' },
  { code: 'chaoyang', name: '朝阳支队', district: '朝阳区' },
  { code: 'fengtai', name: '丰台支队', district: '丰台区' },
  { code: 'shijingshan', name: '石景山支队', district: '石景山区' },
  { code: 'haidian', name: '海淀支队', district: '海淀区' },
  { code: 'mentougou', name: '门头沟支队', district: '门头沟区' },
  { code: 'fangshan', name: '房山支队', district: '房山区' },
  { code: 'tongzhou', name: '通州支队', district: '通州区' },
  { code: 'shunyi', name: '顺义支队', district: '顺义区' },
  { code: 'changping', name: '昌平支队', district: '昌平区' },
  { code: 'daxing', name: '大兴支队', district: '大兴区' },
  { code: 'huairou', name: '怀柔支队', district: '怀柔区' },
  { code: 'pinggu', name: '平谷支队', district: '平谷区' },
  { code: 'miyun', name: '密云支队', district: '密云区' },
  { code: 'yanqing', name: '延庆支队', district: '延庆区' },
  { code: 'jingkai', name: '北京经济技术开发区支队', district: null },
  { code: 'tiananmen', name: '天安门地区支队', district: null },
  { code: 'guidaojiaotong', name: '轨道交通支队', district: null },
];

export const DETACHMENT_CODES: readonly string[] = detachments.map((d) => d.code);

export function findDetachment(codeOrName: string): Detachment | undefined {
  const v = codeOrName.trim();
  return detachments.find((d) => d.code === v || d.name === v);
}

/** The detachment that covers a Beijing district (the district detachment, not a special one). */
export function detachmentOfDistrict(district: string): Detachment | undefined {
  return detachments.find((d) => d.district === district);
}
