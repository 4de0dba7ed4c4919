/**
 * The demo institution's project entry (manual §02/§03): its clients (甲方单位) with contacts, the systems
 * of its annual testing contract, the buildings of its maintenance sites and where those sites are. Fixed
 * values, so every demo start shows the same lists; dates come from the registry projects being linked.
 */

export interface DemoClient {
  name: string;
  district: string;
  address: string;
  contacts: { name: string; mobile: string; position: string }[];
}

export const DEMO_CLIENTS: DemoClient[] = [
  {
    name: '北京东华物业管理有限公司',
    district: '东城区',
    address: '北京市东城区东直门南大街5号',
    contacts: [
      { name: '刘建国', mobile: '13911026381', position: '工程部经理' },
      { name: '孙丽', mobile: '13701154720', position: '物业主管' },
    ],
  },
  {
    name: '北京朝阳国贸楼宇服务有限公司',
    district: '朝阳区',
    address: '北京市朝阳区建国门外大街2号',
    contacts: [{ name: '赵明', mobile: '18610387256', position: '安全总监' }],
  },
  {
    name: '北京中关村科创物业管理有限公司',
    district: '海淀区',
    address: '北京市海淀区中关村大街27号',
    contacts: [{ name: '陈晓峰', mobile: '15810462739', position: '设备主管' }],
  },
  {
    name: '北京金融街楼宇管理有限公司',
    district: '西城区',
    address: '北京市西城区金融大街7号',
    contacts: [{ name: '王海燕', mobile: '13601098245', position: '行政经理' }],
  },
];

/** Other institutions' single client, one per linked institution (index by order of linking). */
export const OTHER_INSTITUTION_CLIENTS: DemoClient[] = [
  {
    name: '北京丰台科技园物业服务有限公司',
    district: '丰台区',
    address: '北京市丰台区汽车博物馆东路6号',
    contacts: [{ name: '马志强', mobile: '13520817364', position: '工程经理' }],
  },
  {
    name: '北京通州运河商务区物业管理有限公司',
    district: '通州区',
    address: '北京市通州区运河东大街55号',
    contacts: [{ name: '杨帆', mobile: '18911602478', position: '物业经理' }],
  },
  {
    name: '北京亦庄园区服务有限公司',
    district: '大兴区',
    address: '北京经济技术开发区荣华中路10号',
    contacts: [{ name: '郭静', mobile: '13810275546', position: '安全主管' }],
  },
];

/** Systems named in the annual testing contract (检测范围), by their name in the maintenance catalog. */
export const DEMO_TESTING_SCOPE = [
  '火灾报警系统',
  '消防供水设施',
  '消火栓（自动寻的灭火装置）灭火系统',
  '自动喷水灭火系统',
  '机械排烟系统',
  '应急照明和疏散指示系统',
];

/** Systems of the maintenance contract: every facility of these catalog systems is selected. */
export const DEMO_MAINTENANCE_SYSTEMS = [
  '消防供电配电',
  '火灾报警系统',
  '消防供水设施',
  '消火栓（自动寻的灭火装置）灭火系统',
  '自动喷水灭火系统',
  '灭火器',
];

export interface DemoBuilding {
  name: string;
  aboveGroundArea: number;
  belowGroundArea: number;
  aboveGroundFloors: number;
  belowGroundFloors: number;
  height: number;
  useFunction: string;
  waterSupplies: { kind: 'fire_pool' | 'fire_tank'; location: string; capacity: number }[];
  remark: string;
}

/** 建筑面积 is always 地上 + 地下 (the server checks it); the total is computed where these are entered. */
export const DEMO_TESTING_BUILDINGS: DemoBuilding[] = [
  {
    name: '主楼',
    aboveGroundArea: 18600,
    belowGroundArea: 4200,
    aboveGroundFloors: 12,
    belowGroundFloors: 2,
    height: 49.8,
    useFunction: '办公',
    waterSupplies: [
      { kind: 'fire_pool', location: '地下二层泵房', capacity: 540 },
      { kind: 'fire_tank', location: '屋顶水箱间', capacity: 18 },
    ],
    remark: '',
  },
];

export const DEMO_MAINTENANCE_BUILDINGS: DemoBuilding[] = [
  {
    name: 'A座',
    aboveGroundArea: 32500,
    belowGroundArea: 8600,
    aboveGroundFloors: 22,
    belowGroundFloors: 3,
    height: 88.5,
    useFunction: '商业、办公',
    waterSupplies: [
      { kind: 'fire_pool', location: '地下三层消防水泵房', capacity: 720 },
      { kind: 'fire_tank', location: 'A座屋顶', capacity: 36 },
    ],
    remark: '',
  },
  {
    name: 'B座',
    aboveGroundArea: 14300,
    belowGroundArea: 0,
    aboveGroundFloors: 9,
    belowGroundFloors: 0,
    height: 36.2,
    useFunction: '酒店',
    waterSupplies: [{ kind: 'fire_tank', location: 'B座屋顶', capacity: 18 }],
    remark: '合同只含B座地上部分，地下车库由甲方另行委托',
  },
];

/** Marked site centres (GCJ-02) in 东城区, where the demo company's linked registry units are. */
export const DEMO_FENCES = {
  testing: { lng: 116.43415, lat: 39.93972, radius: 300 },
  maintenance: { lng: 116.41836, lat: 39.91487, radius: 400 },
} as const;
