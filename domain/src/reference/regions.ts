/**
 * Province → city → district tree for the search cascader (省 市 区). Codes are GB/T 2260 administrative
 * division codes. Municipalities use the city level "市辖区", as the brigade's system shows "北京市-市辖区".
 * Beijing is complete; 天津市 is complete; 河北省 lists its prefecture cities with their main districts.
 */
export interface RegionNode {
  code: string;
  name: string;
  children?: RegionNode[];
}

const node = (code: string, name: string, children?: RegionNode[]): RegionNode =>
  children ? { code, name, children } : { code, name };
const leaves = (pairs: [string, string][]) => pairs.map(([code, name]) => node(code, name));

export const BEIJING_DISTRICTS: readonly RegionNode[] = leaves([
  ['110101', '东城区'],
  ['110102', '西城区'],
  ['110105', '朝阳区'],
  ['110106', '丰台区'],
  ['110107', '石景山区'],
  ['110108', '海淀区'],
  ['110109', '门头沟区'],
  ['110111', '房山区'],
  ['110112', '通州区'],
  ['110113', '顺义区'],
  ['110114', '昌平区'],
  ['110115', '大兴区'],
  ['110116', '怀柔区'],
  ['110117', '平谷区'],
  ['110118', '密云区'],
  ['110119', '延庆区'],
]);

export const regions: readonly RegionNode[] = [
  node('110000', '北京市', [node('110100', '市辖区', [...BEIJING_DISTRICTS])]),
  node('120000', '天津市', [
    node(
      '120100',
      '市辖区',
      leaves([
        ['120101', '和平区'],
        ['120102', '河东区'],
        ['120103', '河西区'],
        ['120104', '南开区'],
        ['120105', '河北区'],
        ['120106', '红桥区'],
        ['120110', '东丽区'],
        ['120111', '西青区'],
        ['120112', '津南区'],
        ['120113', '北辰区'],
        ['120114', '武清区'],
        ['120115', '宝坻区'],
        ['120116', '滨海新区'],
        ['120117', '宁河区'],
        ['120118', '静海区'],
        ['120119', '蓟州区'],
      ]),
    ),
  ]),
  node('130000', '河北省', [
    node(
      '130100',
      '石家庄市',
      leaves([
        ['130102', '长安区'],
        ['130104', '桥西区'],
        ['130105', '新华区'],
        ['130108', '裕华区'],
        ['130109', '藁城区'],
        ['130110', '鹿泉区'],
        ['130111', '栾城区'],
      ]),
    ),
    node(
      '130200',
      '唐山市',
      leaves([
        ['130202', '路南区'],
        ['130203', '路北区'],
        ['130204', '古冶区'],
        ['130205', '开平区'],
        ['130207', '丰南区'],
        ['130208', '丰润区'],
        ['130209', '曹妃甸区'],
      ]),
    ),
    node(
      '130300',
      '秦皇岛市',
      leaves([
        ['130302', '海港区'],
        ['130303', '山海关区'],
        ['130304', '北戴河区'],
        ['130306', '抚宁区'],
      ]),
    ),
    node(
      '130400',
      '邯郸市',
      leaves([
        ['130402', '邯山区'],
        ['130403', '丛台区'],
        ['130404', '复兴区'],
        ['130406', '峰峰矿区'],
        ['130407', '肥乡区'],
        ['130408', '永年区'],
      ]),
    ),
    node(
      '130500',
      '邢台市',
      leaves([
        ['130502', '襄都区'],
        ['130503', '信都区'],
        ['130505', '任泽区'],
        ['130506', '南和区'],
      ]),
    ),
    node(
      '130600',
      '保定市',
      leaves([
        ['130602', '竞秀区'],
        ['130606', '莲池区'],
        ['130607', '满城区'],
        ['130608', '清苑区'],
        ['130609', '徐水区'],
      ]),
    ),
    node(
      '130700',
      '张家口市',
      leaves([
        ['130702', '桥东区'],
        ['130703', '桥西区'],
        ['130705', '宣化区'],
        ['130706', '下花园区'],
        ['130708', '万全区'],
        ['130709', '崇礼区'],
      ]),
    ),
    node(
      '130800',
      '承德市',
      leaves([
        ['130802', '双桥区'],
        ['130803', '双滦区'],
        ['130804', '鹰手营子矿区'],
      ]),
    ),
    node(
      '130900',
      '沧州市',
      leaves([
        ['130902', '新华区'],
        ['130903', '运河区'],
      ]),
    ),
    node(
      '131000',
      '廊坊市',
      leaves([
        ['131002', '安次区'],
        ['131003', '广阳区'],
        ['131022', '固安县'],
        ['131024', '香河县'],
        ['131028', '大厂回族自治县'],
        ['131081', '霸州市'],
        ['131082', '三河市'],
      ]),
    ),
    node(
      '131100',
      '衡水市',
      leaves([
        ['131102', '桃城区'],
        ['131103', '冀州区'],
      ]),
    ),
  ]),
];

/** Whether province / city / district names form a path of the tree (district optional). */
export function isKnownRegion(province: string, city: string, district?: string): boolean {
  const p = regions.find((r) => r.name === province);
  const c = p?.children?.find((r) => r.name === city);
  if (!c) return false;
  return district === undefined || !!c.children?.some((d) => d.name === district);
}

export const BEIJING_DISTRICT_NAMES: readonly string[] = BEIJING_DISTRICTS.map((d) => d.name);
