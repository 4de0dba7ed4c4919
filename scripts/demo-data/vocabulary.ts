/**
 * Word pools for demo data. Names are assembled at random from common characters, so they describe
 * no real person; street and station names are real public places, to make addresses look familiar.
 */

export const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹易常武乔贺赖龚文',
];
export const GIVEN_CHARS = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉建国志海波宇浩凯晨欣怡佳思雨子博文斌婷雪琳晓东峰成亮林鑫宁悦蕾琪然阳帆涵睿哲昊航瑞泽楠颖倩慧萍红',
];

export const BRAND_CHARS = [...'华盛恒泰金鼎鑫润嘉通德宏远康瑞丰和兴隆达利新美天汇众佳福祥辰'];
export const INSTITUTION_FIRST = [...'京华恒瑞博鑫卓铭晟德宏诚嘉睿正弘信泰润冠'];
export const INSTITUTION_SECOND = [...'安盾卫防护'];
export const INSTITUTION_THIRD = [...'达泰信通恒源联科盛宇'];
export const MAINTENANCE_SUFFIXES = [
  '消防技术服务有限公司',
  '消防设施检测有限公司',
  '消防工程技术有限公司',
  '消防科技有限公司',
  '消防设备维护有限公司',
];
export const ASSESSMENT_SUFFIXES = ['消防安全评估有限公司', '安全技术咨询有限公司'];

export const STREETS: Record<string, string[]> = {
  东城区: [
    '东直门南大街',
    '朝阳门北大街',
    '崇文门外大街',
    '东四十条',
    '和平里东街',
    '安定门外大街',
    '广渠门内大街',
    '东单北大街',
  ],
  西城区: [
    '西直门外大街',
    '阜成门外大街',
    '金融大街',
    '宣武门外大街',
    '广安门内大街',
    '德胜门外大街',
    '月坛北街',
    '西单北大街',
  ],
  朝阳区: [
    '建国路',
    '东三环中路',
    '酒仙桥路',
    '朝阳北路',
    '广渠路',
    '北苑路',
    '望京街',
    '霄云路',
    '工体北路',
    '十里堡路',
  ],
  丰台区: ['丰台北路', '南四环西路', '马家堡东路', '西四环南路', '卢沟桥路', '看丹路', '航丰路'],
  石景山区: ['石景山路', '鲁谷路', '八角东街', '古城大街', '苹果园路', '实兴大街'],
  海淀区: [
    '中关村大街',
    '学院路',
    '知春路',
    '海淀大街',
    '西三环北路',
    '上地信息路',
    '万泉河路',
    '紫竹院路',
    '清河中街',
  ],
  门头沟区: ['新桥大街', '石龙北路', '滨河路', '黑山大街', '双峪路'],
  房山区: ['长虹西路', '拱辰大街', '苏庄大街', '长政南街', '迎风街'],
  通州区: ['新华大街', '通胡大街', '九棵树东路', '梨园北街', '运河东大街', '玉桥中路'],
  顺义区: ['府前中街', '站前街', '光明南街', '府前东街', '裕民大街'],
  昌平区: ['回龙观西大街', '政府街', '府学路', '天通苑北街', '鼓楼南街'],
  大兴区: ['兴华大街', '黄村西大街', '金星西路', '西红门路', '兴丰大街'],
  怀柔区: ['青春路', '府前街', '迎宾中路', '开放路', '雁栖大街'],
  平谷区: ['府前街', '新平北路', '林荫北街', '建设街', '平谷大街'],
  密云区: ['鼓楼南大街', '新中街', '宾阳北路', '滨河路'],
  延庆区: ['妫水北街', '东外大街', '高塔街', '湖南东路'],
};

/** 北京经济技术开发区 lies mostly in 大兴区. */
export const ECONOMIC_ZONE_STREETS = ['荣华中路', '景园北街', '科创十三街', '地盛北街', '经海路', '宏达北路'];
export const TIANANMEN_STREETS: [string, string][] = [
  ['东城区', '东长安街'],
  ['西城区', '西长安街'],
  ['东城区', '前门东大街'],
  ['东城区', '南池子大街'],
  ['东城区', '北池子大街'],
  ['西城区', '南长街'],
];
export const SUBWAY_STATIONS: [string, string, number][] = [
  ['国贸', '朝阳区', 1],
  ['西单', '西城区', 1],
  ['东单', '东城区', 5],
  ['建国门', '东城区', 2],
  ['复兴门', '西城区', 2],
  ['西直门', '西城区', 13],
  ['东直门', '东城区', 2],
  ['宋家庄', '丰台区', 10],
  ['海淀黄庄', '海淀区', 4],
  ['知春路', '海淀区', 10],
  ['望京', '朝阳区', 14],
  ['北京南站', '丰台区', 4],
  ['天通苑', '昌平区', 5],
  ['回龙观', '昌平区', 13],
  ['苹果园', '石景山区', 1],
  ['四惠', '朝阳区', 1],
  ['公主坟', '海淀区', 1],
  ['六里桥', '丰台区', 9],
  ['草房', '朝阳区', 6],
  ['亦庄桥', '大兴区', 17],
];

export type UnitCategory = {
  unitType: string;
  /** Safety levels this kind of unit usually carries, picked from at random. */
  levels: ('火灾高危单位' | '消防安全重点单位' | '一般单位' | '九小场所')[];
  /** 12 = 事业单位, 52 = 民办非企业, 91 = 企业 (first two USCC characters). */
  registrant: '91' | '12' | '52';
  name: (brand: string, districtShort: string) => string;
};

export const UNIT_CATEGORIES: UnitCategory[] = [
  {
    unitType: '商场市场',
    levels: ['火灾高危单位', '消防安全重点单位'],
    registrant: '91',
    name: (b) => `北京${b}商贸有限公司`,
  },
  {
    unitType: '宾馆饭店',
    levels: ['火灾高危单位', '消防安全重点单位', '一般单位'],
    registrant: '91',
    name: (b) => `北京${b}酒店有限公司`,
  },
  {
    unitType: '医院',
    levels: ['火灾高危单位', '消防安全重点单位'],
    registrant: '12',
    name: (b, d) => `北京${d}${b}医院`,
  },
  {
    unitType: '学校',
    levels: ['消防安全重点单位', '一般单位'],
    registrant: '12',
    name: (b, d) => `北京市${d}${b}学校`,
  },
  {
    unitType: '办公楼宇',
    levels: ['消防安全重点单位', '一般单位'],
    registrant: '91',
    name: (b) => `北京${b}大厦物业管理有限公司`,
  },
  {
    unitType: '养老机构',
    levels: ['消防安全重点单位', '一般单位'],
    registrant: '52',
    name: (b, d) => `${d}${b}养老照料中心`,
  },
  {
    unitType: '餐饮场所',
    levels: ['消防安全重点单位', '一般单位'],
    registrant: '91',
    name: (b) => `北京${b}餐饮管理有限公司`,
  },
  {
    unitType: '公共娱乐场所',
    levels: ['消防安全重点单位'],
    registrant: '91',
    name: (b) => `北京${b}文化娱乐有限公司`,
  },
  {
    unitType: '工业企业',
    levels: ['消防安全重点单位', '一般单位'],
    registrant: '91',
    name: (b) => `北京${b}科技有限公司`,
  },
  {
    unitType: '仓储物流',
    levels: ['消防安全重点单位', '一般单位'],
    registrant: '91',
    name: (b) => `北京${b}物流有限公司`,
  },
  {
    unitType: '住宅小区',
    levels: ['一般单位'],
    registrant: '91',
    name: (b) => `北京${b}家园物业服务有限公司`,
  },
  { unitType: '小商店', levels: ['九小场所'], registrant: '91', name: (b, d) => `${d}${b}便利店` },
  { unitType: '小餐饮', levels: ['九小场所'], registrant: '91', name: (b, d) => `${d}${b}小吃店` },
  { unitType: '小美容美发', levels: ['九小场所'], registrant: '91', name: (b, d) => `${d}${b}美发店` },
];
