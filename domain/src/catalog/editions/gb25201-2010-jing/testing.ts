import type {
  Confidence,
  ItemClass,
  MeasuredLimit,
  SingleItemRule,
  TestItem,
  TestSingleItem,
  TestSubItem,
} from '../../types';

/**
 * Testing (检测) catalog of the Beijing scheme: single items (单项) → sub-items (子项) → test items (检测项).
 *
 * A.1–A.15 follow the manual's sample report word for word; A.16 onwards cover the remaining maintenance
 * systems. DB11/T 1354 could not be read, so the class of each test item is an inference (confidence L)
 * unless a national acceptance standard fixes it; `source.note` says which. Requirement texts follow the
 * national technical standards named in `source`; where only the sense (not the wording) is known the
 * note records the text's own confidence.
 *
 * Single-item rules: A.1–A.15 carry none, because the manual's report prints the same header
 * "A(>0) B(>2) C(>4)" over every one of them, and that header is the only Beijing evidence; the engine's
 * default applies. Items after A.15 are not in the sample, so the national acceptance variant is used
 * where one is known.
 *
 * Ids are positional (`A.8.2.3` = single item A.8, sub-item 2, test item 3). An edition is immutable once
 * published; a corrected catalog is a new edition, so positional ids stay stable for this one.
 */

const GB25201 = 'GB 25201-2010';
const XF503 = 'XF 503-2004';
const GB50016 = 'GB 50016-2014（2018年版）';
const GB50116 = 'GB 50116-2013';
const GB50166 = 'GB 50166-2019';
const GB51309 = 'GB 51309-2018';
const GB50974 = 'GB 50974-2014';
const GB50084 = 'GB 50084-2017';
const GB50261 = 'GB 50261-2017';
const GB51251 = 'GB 51251-2017';
const GB50370 = 'GB 50370-2005';
const GB50263 = 'GB 50263-2007';
const GB50151 = 'GB 50151-2021';
const GB50347 = 'GB 50347-2004';
const GB50898 = 'GB 50898-2013';
const GB50219 = 'GB 50219-2014';
const GB50338 = 'GB 50338-2003';
const GB51427 = 'GB 51427-2021';
const GB50140 = 'GB 50140-2005';
const GB50444 = 'GB 50444-2008';
const GB14102 = 'GB 14102-2005';
const GB14287 = 'GB 14287.2-2014';
const GB28184 = 'GB 28184-2011';
const GB20517 = 'GB 20517-2006';
const GB50877 = 'GB 50877-2014';
const GB4717 = 'GB 4717-2005';
const GB17945 = 'GB 17945-2010';
const XF95 = 'XF 95-2015';
const FIRE_LAW = '中华人民共和国消防法';

/** GB 50166-2019 names the A-class failures of a fire alarm system (alarm and required linkage). */
const GB50166_CLASSES = 'GB 50166-2019 系统检测、验收结果判定准则（A类：控制器、探测器不能报警或不能实现要求的联动；B类：资料；C类：其余）';

interface ItemDraft {
  name: string;
  cls: ItemClass;
  method: string;
  req: string;
  std: string;
  clause?: string;
  /** Confidence in the requirement text itself. */
  conf: Confidence;
  /** A national acceptance clause that fixes this item's class; otherwise the class is inferred. */
  classBy?: string;
  measured?: MeasuredLimit;
  note?: string;
}

type SubDraft = [name: string, items: ItemDraft[]];

const CLASS_UNVERIFIED = '北京 DB11/T 类别未核实';

function toItem(d: ItemDraft, id: string): TestItem {
  const classNote = d.classBy
    ? `类别依据 ${d.classBy}；${CLASS_UNVERIFIED}`
    : `类别为推定（L），${CLASS_UNVERIFIED}；技术要求条文可信度 ${d.conf}`;
  return {
    id,
    name: d.name,
    class: d.cls,
    method: d.method,
    requirement: d.req,
    ...(d.measured ? { measured: d.measured } : {}),
    source: {
      standard: d.std,
      ...(d.clause ? { clause: d.clause } : {}),
      confidence: d.classBy ? d.conf : 'L',
      note: d.note ? `${classNote}；${d.note}` : classNote,
    },
  };
}

function single(
  code: string,
  name: string,
  systems: string[],
  subs: SubDraft[],
  rule?: SingleItemRule,
): TestSingleItem {
  const subItems: TestSubItem[] = subs.map(([subName, drafts], si) => {
    const subId = `${code}.${si + 1}`;
    return { id: subId, name: subName, items: drafts.map((d, ii) => toItem(d, `${subId}.${ii + 1}`)) };
  });
  return { code, name, systems, ...(rule ? { rule } : {}), subItems };
}

const seconds = (quantity: string, max: number): MeasuredLimit => ({ quantity, unit: 's', max });

/* ----------------------------------------------------------------------------------------------
 * Rules for single items outside the manual's sample (A.16 onwards).
 * -------------------------------------------------------------------------------------------- */

const ALARM_RULE: SingleItemRule = {
  aMax: 0,
  bMax: 2,
  cMax: null,
  bcMax: null,
  bcShareMax: 0.05,
  source: {
    standard: GB50166,
    clause: '系统检测、验收结果判定准则',
    confidence: 'M',
    note: '国家标准规则 A=0、B≤2、B+C≤检查项的5%（规则本身 H）；用于北京年度检测为推定，DB11/T 未核实',
  },
};

const SMOKE_CONTROL_RULE: SingleItemRule = {
  aMax: 0,
  bMax: 2,
  cMax: null,
  bcMax: 6,
  bcShareMax: null,
  source: {
    standard: GB51251,
    clause: '系统工程质量验收判定条件',
    confidence: 'M',
    note: '国家标准规则 A=0、B≤2、B+C≤6（规则本身 H）；用于北京年度检测为推定，DB11/T 未核实',
  },
};

const FOAM_RULE: SingleItemRule = {
  ...SMOKE_CONTROL_RULE,
  source: { ...SMOKE_CONTROL_RULE.source, standard: GB50151 },
};

const GAS_RULE: SingleItemRule = {
  aMax: 0,
  bMax: 0,
  cMax: 0,
  bcMax: 0,
  bcShareMax: null,
  source: {
    standard: GB50263,
    clause: '系统工程验收合格判定',
    confidence: 'M',
    note: 'GB 50263 验收不分类别，任一验收项目不合格即系统不合格；用于北京年度检测为推定，DB11/T 未核实',
  },
};

const EXTINGUISHER_RULE: SingleItemRule = {
  aMax: 0,
  bMax: 1,
  cMax: null,
  bcMax: 4,
  bcShareMax: null,
  source: {
    standard: GB50444,
    clause: '灭火器配置验收判定',
    confidence: 'M',
    note: '资料不一致：一说 A=0、B≤1、B+C≤4，另一说 A=0、B≤2、B+C≤4；此处取前者；DB11/T 未核实',
  },
};

/* ----------------------------------------------------------------------------------------------
 * A.1 消防应急照明和疏散指示系统
 * -------------------------------------------------------------------------------------------- */

const A1 = single('A.1', '消防应急照明和疏散指示系统', ['应急照明和疏散指示系统'], [
  ['应急照明控制器', [
    { name: '自检功能', cls: 'C', method: '操作控制器自检键', req: '控制器应能对本机屏幕、指示灯、音响器件进行功能检查', std: GB51309, clause: '5.3', conf: 'M' },
    { name: '主、备电源自动转换功能', cls: 'B', method: '切断控制器主电源，再恢复主电源', req: '主电源断电后应自动转入备用电源工作，主电源恢复后应自动转回主电源工作，并有相应指示', std: GB51309, clause: '5.3', conf: 'M' },
    { name: '故障报警功能', cls: 'B', method: '断开控制器与任一集中电源或应急照明配电箱、灯具之间的连线，用秒表计时', req: '控制器应在100s内发出故障声、光信号，并显示故障部位', std: GB17945, conf: 'M', measured: seconds('故障报警时间', 100) },
    { name: '消音、复位功能', cls: 'C', method: '故障或应急状态下操作消音键、复位键', req: '消音后声信号停止，再有故障时应能再次发声；复位后应恢复正常监视状态', std: GB17945, conf: 'M' },
    { name: '手动应急启动功能', cls: 'A', method: '操作控制器手动应急启动按钮', req: '应能控制系统内所有集中电源或应急照明配电箱转入蓄电池电源输出或应急输出，所有灯具光源应急点亮', std: GB51309, clause: '3.6', conf: 'M' },
  ]],
  ['系统应急启动控制', [
    { name: '集中控制型系统自动应急启动', cls: 'A', method: '使火灾报警控制器发出火灾报警输出信号', req: '应急照明控制器接收火灾报警信号后应自动控制相应区域的集中电源或应急照明配电箱转入应急输出，灯具应急点亮，并显示启动时间和状态', std: GB51309, clause: '3.6', conf: 'M' },
    { name: '非集中控制型系统应急启动', cls: 'A', method: '火灾确认后手动或联动切断相应区域集中电源或应急照明配电箱的主电源', req: '相应区域的自带电源型灯具应转入应急工作状态，集中电源型灯具应由集中电源转入蓄电池输出', std: GB51309, clause: '3.6', conf: 'M' },
    { name: '灯具应急点亮响应时间（一般场所）', cls: 'B', method: '发出应急启动信号，用秒表记录灯具光源应急点亮时间', req: '高危险场所以外场所的灯具光源应急点亮响应时间不应大于5s', std: GB51309, clause: '3.2.3', conf: 'M', measured: seconds('应急点亮响应时间', 5) },
    { name: '灯具应急点亮响应时间（高危险场所）', cls: 'B', method: '发出应急启动信号，用计时仪器记录灯具光源应急点亮时间', req: '高危险场所灯具光源应急点亮的响应时间不应大于0.25s', std: GB51309, clause: '3.2.3', conf: 'M', measured: seconds('应急点亮响应时间', 0.25) },
    { name: '疏散指示方案切换', cls: 'B', method: '对具有两种及以上疏散指示方案的场所，模拟对应方案的触发条件', req: '标志灯应按预设方案改变指示状态，光源点亮、熄灭的响应时间不应大于5s', std: GB51309, clause: '3.2.3', conf: 'M', measured: seconds('指示状态改变响应时间', 5) },
  ]],
  ['消防应急照明灯具', [
    { name: '地面最低水平照度（疏散走道）', cls: 'B', method: '系统应急状态下用照度计在疏散走道地面中心线上测量最低照度', req: '疏散走道地面最低水平照度不应低于1.0lx', std: GB51309, clause: '3.2.5', conf: 'M', measured: { quantity: '地面最低水平照度', unit: 'lx', min: 1.0 } },
    { name: '地面最低水平照度（楼梯间、前室、避难走道）', cls: 'B', method: '系统应急状态下用照度计测量楼梯间、前室或合用前室、避难走道地面最低照度', req: '敞开楼梯间、封闭楼梯间、防烟楼梯间及其前室、室外楼梯，消防电梯间的前室或合用前室，避难走道地面最低水平照度不应低于5.0lx', std: GB51309, clause: '3.2.5', conf: 'M', measured: { quantity: '地面最低水平照度', unit: 'lx', min: 5.0 } },
    { name: '地面最低水平照度（人员密集场所）', cls: 'B', method: '系统应急状态下用照度计测量观众厅、展览厅、多功能厅、大型营业厅等人员密集场所地面最低照度', req: '避难层（间）及人员密集场所地面最低水平照度不应低于3.0lx', std: GB51309, clause: '3.2.5', conf: 'M', measured: { quantity: '地面最低水平照度', unit: 'lx', min: 3.0 } },
    { name: '地面最低水平照度（老年人照料设施、病房楼避难间及人员密集场所楼梯间）', cls: 'B', method: '系统应急状态下用照度计测量相应区域地面最低照度', req: '病房楼或手术部的避难间，老年人照料设施，人员密集场所、老年人照料设施、病房楼或手术部内的楼梯间、前室或合用前室、避难走道地面最低水平照度不应低于10.0lx', std: GB51309, clause: '3.2.5', conf: 'M', measured: { quantity: '地面最低水平照度', unit: 'lx', min: 10.0 } },
    { name: '持续应急工作时间（其他建筑）', cls: 'B', method: '切断主电源使系统转入蓄电池供电，用秒表记录至灯具熄灭或光通量明显下降的时间', req: '备用电源连续供电时间不应少于0.5h', std: GB50016, clause: '10.1.5', conf: 'M', measured: { quantity: '持续应急工作时间', unit: 'min', min: 30 } },
    { name: '持续应急工作时间（医疗建筑、老年人照料设施、大型公共建筑及地下建筑）', cls: 'B', method: '切断主电源使系统转入蓄电池供电，记录持续工作时间', req: '医疗建筑、老年人照料设施、总建筑面积大于100000m²的公共建筑和总建筑面积大于20000m²的地下、半地下建筑，备用电源连续供电时间不应少于1.0h', std: GB50016, clause: '10.1.5', conf: 'M', measured: { quantity: '持续应急工作时间', unit: 'min', min: 60 } },
    { name: '持续应急工作时间（建筑高度大于100m的民用建筑）', cls: 'B', method: '切断主电源使系统转入蓄电池供电，记录持续工作时间', req: '建筑高度大于100m的民用建筑，备用电源连续供电时间不应少于1.5h', std: GB50016, clause: '10.1.5', conf: 'M', measured: { quantity: '持续应急工作时间', unit: 'min', min: 90 } },
    { name: '自带电源型灯具主电、应急转换', cls: 'B', method: '切断灯具主电源', req: '灯具应自动转入应急工作状态，主电源恢复后应自动恢复到主电工作状态', std: GB17945, conf: 'M' },
    { name: '照明灯安装位置', cls: 'C', method: '观察、尺量', req: '照明灯宜安装在顶棚上；安装在走道侧面墙上时，安装高度不应在距地面1m～2m之间', std: GB51309, clause: '4.5', conf: 'M' },
    { name: '消防设备房备用照明', cls: 'B', method: '切断正常照明电源，观察并用照度计测量作业面照度', req: '消防控制室、消防水泵房、自备发电机房、配电室、防排烟机房等火灾时仍需正常工作的场所应设置备用照明，其作业面最低照度不应低于正常照明的照度', std: GB50016, clause: '10.3.3', conf: 'M' },
    { name: '灯具类型与电压等级', cls: 'C', method: '核对灯具铭牌和安装高度', req: '距地面8m及以下的灯具应选择A型灯具（主电源和蓄电池电源额定工作电压均不大于DC36V）', std: GB51309, clause: '3.2.1', conf: 'M' },
  ]],
  ['疏散指示标志灯', [
    { name: '出口标志灯设置', cls: 'C', method: '观察安全出口和疏散门', req: '出口标志灯应安装在安全出口或疏散门内侧上方居中的位置，门完全开启时不应被遮挡', std: GB51309, clause: '4.5', conf: 'M' },
    { name: '方向标志灯指示方向', cls: 'B', method: '沿疏散路径逐一核对标志灯箭头方向', req: '方向标志灯的箭头应指向最近的疏散出口或安全出口，与疏散路径一致', std: GB51309, clause: '3.2.9', conf: 'M' },
    { name: '方向标志灯设置高度', cls: 'C', method: '观察、尺量', req: '沿疏散走道设置的灯光疏散指示标志应设置在疏散走道及其转角处距地面高度1.0m以下的墙面或地面上', std: GB50016, clause: '10.3.5', conf: 'M' },
    { name: '方向标志灯设置间距', cls: 'C', method: '用测距仪测量相邻标志灯间距', req: '灯光疏散指示标志的间距不应大于20m；袋形走道不应大于10m；走道转角区不应大于1.0m', std: GB50016, clause: '10.3.5', conf: 'M', measured: { quantity: '标志灯间距（直线走道）', unit: 'm', max: 20 } },
    { name: '地面标志灯安装', cls: 'C', method: '观察、用塞尺测量', req: '地面标志灯应与地面平行，与地面高差不宜大于3mm，与地面接触边缘不宜大于1mm', std: GB51309, clause: '4.5', conf: 'M' },
  ]],
]);

/* ----------------------------------------------------------------------------------------------
 * A.2 消防应急广播系统
 * -------------------------------------------------------------------------------------------- */

const A2 = single('A.2', '消防应急广播系统', ['应急广播系统'], [
  ['扩音机（功放）及控制设备', [
    { name: '仪表、指示灯及开关按钮', cls: 'C', method: '观察并操作开关和控制按钮', req: '仪表、指示灯显示正常，开关和控制按钮动作灵活', std: XF503, clause: '4.12.1.1', conf: 'H' },
    { name: '监听功能', cls: 'C', method: '广播状态下操作监听', req: '监听功能正常', std: XF503, clause: '4.12.1.2', conf: 'H' },
    { name: '话筒播音', cls: 'B', method: '在消防控制室用话筒对选定区域播音', req: '应能用话筒播音', std: XF503, clause: '4.12.3.1', conf: 'H' },
    { name: '主、备扩音机切换', cls: 'B', method: '使主扩音机故障或断电', req: '备用扩音机应能自动或手动投入工作', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
    { name: '传声器播音录音', cls: 'C', method: '用传声器播音后回放录音', req: '通过传声器进行应急广播时，应自动对广播内容进行录音', std: GB50116, clause: '4.8.4', conf: 'M' },
  ]],
  ['扬声器', [
    { name: '外观与音质', cls: 'C', method: '观察扬声器外观，播音时现场听音', req: '外观完好，音质清晰', std: XF503, clause: '4.12.2', conf: 'H' },
    { name: '扬声器设置距离', cls: 'C', method: '核对扬声器功率，用测距仪测量', req: '每个扬声器额定功率不应小于3W，从一个防火分区内任何部位到最近一个扬声器的直线距离不大于25m，走道末端距最近的扬声器不应大于12.5m', std: GB50116, clause: '6.6.1', conf: 'H', measured: { quantity: '至最近扬声器直线距离', unit: 'm', max: 25 } },
    { name: '客房专用扬声器功率', cls: 'C', method: '核对扬声器铭牌', req: '客房设置专用扬声器时，其功率不宜小于1W', std: GB50116, clause: '6.6.1', conf: 'H', measured: { quantity: '扬声器额定功率', unit: 'W', min: 1 } },
    { name: '壁挂扬声器安装高度', cls: 'C', method: '尺量', req: '壁挂扬声器的底边距地面高度应大于2.2m', std: GB50116, clause: '6.6.2', conf: 'H', measured: { quantity: '底边距地面高度', unit: 'm', min: 2.2 } },
    { name: '高噪声场所播放声压级', cls: 'B', method: '用声级计先测背景噪声，再测播放范围内最远点播放声压级，计算差值', req: '环境噪声大于60dB的场所，扬声器在其播放范围内最远点的播放声压级应高于背景噪声15dB', std: XF503, clause: '4.12.3.4', conf: 'H', measured: { quantity: '最远点播放声压级高于背景噪声', unit: 'dB', min: 15 }, note: '同见 GB 50116-2013 6.6.1' },
  ]],
  ['系统功能', [
    { name: '火灾时自动启动', cls: 'A', method: '使火灾报警控制器发出火灾报警信号', req: '火灾报警后应按设定的控制程序自动启动火灾应急广播；确认火灾后应同时向全楼进行广播', std: XF503, clause: '4.12.3.2', conf: 'H', note: '全楼广播见 GB 50116-2013 4.8.1' },
    { name: '播音区域与音质', cls: 'B', method: '分区启动广播，逐区现场听音', req: '播音区域应正确、音质应清晰', std: XF503, clause: '4.12.3.4', conf: 'H' },
    { name: '与公共广播合用时强制切换', cls: 'B', method: '公共广播播放背景音乐时启动应急广播', req: '火灾时应能在消防控制室将火灾疏散层的扬声器和公共广播扩音机强制转入火灾应急广播状态', std: XF503, clause: '4.12.3.3', conf: 'H', note: '条文为 XF 503 所引 GB 50116-1998 5.4.3.1；现行 GB 50116-2013 亦要求强制切换' },
    { name: '分区选择与手动控制', cls: 'B', method: '在消防控制室手动选择广播分区启动、停止应急广播', req: '消防控制室应能手动或按预设控制逻辑联动控制选择广播分区、启动或停止应急广播系统', std: GB50116, clause: '4.8.3', conf: 'M' },
    { name: '与声警报器交替播放', cls: 'C', method: '联动启动后用秒表记录单次语音播放时间并观察交替方式', req: '单次语音播放时间宜为10s～30s，应与火灾声警报器分时交替工作', std: GB50116, clause: '4.8.2', conf: 'M', measured: { quantity: '单次语音播放时间', unit: 's', min: 10, max: 30 } },
    { name: '广播分区工作状态显示', cls: 'C', method: '启动应急广播后观察消防控制室显示', req: '消防控制室内应能显示消防应急广播的广播分区的工作状态', std: GB50116, clause: '4.8.5', conf: 'M' },
  ]],
]);

/* ----------------------------------------------------------------------------------------------
 * A.3 消防专用电话系统
 * -------------------------------------------------------------------------------------------- */

const A3 = single('A.3', '消防专用电话系统', ['消防专用电话'], [
  ['消防电话总机', [
    { name: '总机呼叫分机通话', cls: 'A', method: '由总机逐一呼叫各消防电话分机并通话', req: '被呼叫分机应振铃，通话语音应清晰', std: GB50166, conf: 'M', note: '通话质量见 GB 25201-2010 附录 检测记录表' },
    { name: '录音功能', cls: 'C', method: '通话后查询录音记录并回放', req: '总机应能对通话进行录音，录音可回放', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
    { name: '呼叫显示', cls: 'C', method: '分机呼叫总机时观察总机显示', req: '总机应显示呼叫分机或插孔的位置', std: GB50166, conf: 'M' },
    { name: '线路故障报警', cls: 'B', method: '断开总机与任一分机或插孔之间的连线，用秒表计时', req: '总机应在100s内发出故障声、光信号，并显示故障部位', std: GB50166, conf: 'M', measured: seconds('故障报警时间', 100) },
    { name: '直接报警外线电话', cls: 'B', method: '在消防控制室拨打外线电话（可拨打报警测试号码）', req: '消防控制室、消防值班室或企业消防站等处应设置可直接报警的外线电话', std: GB50116, clause: '6.7.5', conf: 'M', note: '拨打119功能见 GB 25201-2010 附录 检测记录表' },
  ]],
  ['消防电话分机和电话插孔', [
    { name: '分机呼叫总机（摘机）', cls: 'A', method: '在各分机处摘机，插孔处插入手持电话', req: '摘机或插入后应能直接呼叫总机，通话语音清晰', std: GB50166, conf: 'M' },
    { name: '分机设置位置', cls: 'C', method: '核对设置部位', req: '消防水泵房、发电机房、配变电室、计算机网络机房、主要通风和空调机房、防排烟机房、灭火控制系统操作装置处或控制室、企业消防站、消防值班室、总调度室、消防电梯机房等应设置消防专用电话分机', std: GB50116, clause: '6.7.4', conf: 'M' },
    { name: '插孔及避难层分机设置', cls: 'C', method: '核对设置部位并尺量间距', req: '设有手动火灾报警按钮或消火栓按钮等处宜设置电话插孔；各避难层应每隔20m设置一个消防专用电话分机或电话插孔', std: GB50116, clause: '6.7.4', conf: 'M' },
    { name: '分机或插孔安装高度', cls: 'C', method: '尺量底边距地面高度', req: '电话分机或电话插孔的底边距地面高度宜为1.3m～1.5m', std: GB50116, clause: '6.7.4', conf: 'M', measured: { quantity: '底边距地面高度', unit: 'm', min: 1.3, max: 1.5 } },
    { name: '独立通信网络', cls: 'C', method: '核对系统构成', req: '消防专用电话网络应为独立的消防通信系统', std: GB50116, clause: '6.7.1', conf: 'M' },
  ]],
]);

/* ----------------------------------------------------------------------------------------------
 * A.4 电气火灾监控系统
 * -------------------------------------------------------------------------------------------- */

const A4 = single('A.4', '电气火灾监控系统', ['电气火灾监控系统'], [
  ['电气火灾监控设备', [
    { name: '自检功能', cls: 'C', method: '操作监控设备自检键', req: '监控设备应能对本机指示灯、显示器和音响器件进行功能检查', std: GB50166, conf: 'M' },
    { name: '主、备电源自动转换功能', cls: 'B', method: '切断监控设备主电源，再恢复', req: '主电源断电后应自动转入备用电源工作，主电源恢复后应自动转回', std: GB50166, conf: 'M' },
    { name: '故障报警功能', cls: 'B', method: '断开监控设备与任一探测器之间的连线，用秒表计时', req: '监控设备应在100s内发出故障声、光信号，并显示故障部位', std: GB50166, conf: 'M', measured: seconds('故障报警时间', 100) },
    { name: '监控报警功能', cls: 'A', method: '使探测器发出报警信号，用秒表计时', req: '监控设备应在10s内发出监控报警声、光信号，指示报警部位并保持', std: 'GB 14287.1-2014', conf: 'M', measured: seconds('监控报警时间', 10) },
    { name: '消音、复位功能', cls: 'C', method: '报警状态下操作消音键、复位键', req: '消音后声信号停止，复位后恢复正常监视状态', std: 'GB 14287.1-2014', conf: 'M' },
    { name: '报警信息显示', cls: 'C', method: '报警或故障时观察消防控制室图形显示装置或集中火灾报警控制器', req: '电气火灾监控器的报警信息和故障信息应在消防控制室图形显示装置或起集中控制功能的火灾报警控制器上显示，且与火灾报警信息的显示有区别', std: GB50116, clause: '9.1', conf: 'M' },
    { name: '不切断供电', cls: 'C', method: '报警状态下观察被监测回路', req: '电气火灾监控系统的设置不应影响供电系统的正常工作，不宜自动切断供电电源', std: GB50116, clause: '9.1', conf: 'M' },
  ]],
  ['剩余电流式电气火灾监控探测器', [
    { name: '报警功能', cls: 'A', method: '用剩余电流发生装置或试验按钮使监测的剩余电流达到报警设定值，用秒表计时', req: '探测器应在30s内发出报警信号，报警指示灯点亮并保持，监控设备显示报警部位', std: GB14287, conf: 'M', measured: seconds('报警响应时间', 30) },
    { name: '报警值设定', cls: 'C', method: '查看探测器或监控设备中的报警设定值', req: '剩余电流式探测器报警值宜为300mA～500mA，并应计及供电系统自然漏流的影响', std: GB50116, clause: '9.2.3', conf: 'M', measured: { quantity: '剩余电流报警设定值', unit: 'mA', min: 300, max: 500 } },
  ]],
  ['测温式电气火灾监控探测器', [
    { name: '报警功能', cls: 'A', method: '用加热装置使被监测部位温度达到报警设定值', req: '探测器应发出报警信号，报警指示灯点亮并保持，监控设备显示报警部位', std: 'GB 14287.3-2014', conf: 'M' },
    { name: '设置部位', cls: 'C', method: '核对安装部位', req: '测温式探测器应设置在电缆接头、端子、重点发热部件等部位；保护1000V及以下配电线路时应采用接触式布置', std: GB50116, clause: '9.3', conf: 'M' },
  ]],
]);

/* ----------------------------------------------------------------------------------------------
 * A.5 消防设备电源监控系统
 * -------------------------------------------------------------------------------------------- */

const A5 = single('A.5', '消防设备电源监控系统', ['消防供电配电', '火灾报警系统'], [
  ['消防设备电源状态监控器', [
    { name: '自检功能', cls: 'C', method: '操作监控器自检键', req: '监控器应能对本机指示灯、显示器和音响器件进行功能检查', std: GB28184, conf: 'M' },
    { name: '主、备电源自动转换功能', cls: 'B', method: '切断监控器主电源，再恢复', req: '主电源断电后应自动转入备用电源工作，主电源恢复后应自动转回', std: GB28184, conf: 'M' },
    { name: '通信故障报警', cls: 'B', method: '断开监控器与任一传感器之间的连线，用秒表计时', req: '监控器应在100s内发出故障声、光信号，并显示故障部位', std: GB28184, conf: 'L', measured: seconds('故障报警时间', 100), note: '100s 时限凭对产品标准的记忆，未核对原文' },
    { name: '电源故障报警', cls: 'A', method: '使被监控消防设备的主电源中断（或模拟欠压、过压、缺相）', req: '监控器应发出消防设备电源故障声、光信号，显示故障部位和故障类型', std: GB28184, conf: 'M' },
    { name: '电压、电流显示', cls: 'C', method: '查看监控器显示值并用万用表比对', req: '监控器应能显示被监控电源的电压或电流值', std: GB28184, conf: 'M' },
    { name: '消音、复位功能', cls: 'C', method: '故障状态下操作消音键、复位键', req: '消音后声信号停止，故障排除后复位应恢复正常监视状态', std: GB28184, conf: 'M' },
  ]],
  ['传感器', [
    { name: '工作状态指示', cls: 'C', method: '观察传感器指示灯', req: '传感器应有正常工作和故障状态指示', std: GB28184, conf: 'M' },
    { name: '设置部位', cls: 'C', method: '核对被监控消防设备配电箱', req: '传感器应设置在消防设备的配电箱（柜）内，对主电源和备用电源进行监测', std: GB28184, conf: 'L', note: '设置部位要求凭记忆整理' },
  ]],
]);

/* ----------------------------------------------------------------------------------------------
 * A.6 独立式感烟探测器
 * -------------------------------------------------------------------------------------------- */

const A6 = single('A.6', '独立式感烟探测器', ['火灾报警系统', '其他消防设施'], [
  ['独立式感烟火灾探测报警器', [
    { name: '火灾报警功能', cls: 'A', method: '用试验烟或专用检测仪器向报警器施加烟雾', req: '报警器应发出火灾报警声信号并点亮火灾报警指示灯', std: GB20517, conf: 'M' },
    { name: '报警声压级', cls: 'B', method: '报警状态下用声级计在报警器正前方3m处测量A计权声压级', req: '报警声信号在正前方3m处的A计权声压级应不小于85dB且不大于115dB', std: GB20517, conf: 'M', measured: { quantity: '正前方3m处A计权声压级', unit: 'dB', min: 85, max: 115 } },
    { name: '自检功能', cls: 'C', method: '按下报警器的自检（测试）按钮', req: '报警器应发出报警声、光信号', std: GB20517, conf: 'M' },
    { name: '电池欠压提示', cls: 'B', method: '查看电池状态或以欠压电池试验', req: '采用电池供电的报警器，电池电压低于规定值时应发出与火灾报警信号有明显区别的声、光提示', std: GB20517, conf: 'M' },
    { name: '复位功能', cls: 'C', method: '撤除烟雾后观察', req: '烟雾撤除后报警器应能自动或手动恢复正常监视状态', std: GB20517, conf: 'M' },
    { name: '安装位置', cls: 'C', method: '观察、尺量', req: '报警器应安装在顶棚上，至墙壁、梁边的水平距离不应小于0.5m，周围0.5m内不应有遮挡物', std: GB50116, clause: '6.2.18', conf: 'M', measured: { quantity: '至墙壁、梁边水平距离', unit: 'm', min: 0.5 }, note: '参照点型火灾探测器的安装要求' },
  ]],
]);

/* ----------------------------------------------------------------------------------------------
 * A.7 防火分隔设施
 * -------------------------------------------------------------------------------------------- */

const A7 = single('A.7', '防火分隔设施', ['防火分隔'], [
  ['防火门', [
    { name: '常闭防火门自行关闭', cls: 'B', method: '将门扇开启后松开', req: '除管井检修门和住宅户门外，防火门应具有自闭功能，门扇应能自行关闭严密', std: GB50016, clause: '6.5.1', conf: 'M' },
    { name: '双扇防火门顺序关闭', cls: 'B', method: '同时开启两扇门后松开', req: '双扇防火门应具有按顺序自行关闭的功能', std: GB50016, clause: '6.5.1', conf: 'M' },
    { name: '常开防火门火灾时关闭及反馈', cls: 'A', method: '使常开防火门任一侧的火灾探测器报警，或由消防联动控制器发出关闭指令', req: '常开防火门应能在火灾时自行关闭，关闭信号应反馈至消防控制室', std: GB50116, clause: '4.6.1、4.6.2', conf: 'M', note: '同见 GB 50016 6.5.1' },
    { name: '两侧手动开启', cls: 'B', method: '在门两侧分别手动开启', req: '防火门应能在其内外两侧手动开启', std: GB50016, clause: '6.5.1', conf: 'M' },
    { name: '门扇开启力', cls: 'C', method: '用测力计在门扇把手处测量开启力', req: '防火门门扇开启力不应大于80N', std: GB50877, conf: 'M', measured: { quantity: '门扇开启力', unit: 'N', max: 80 } },
    { name: '常闭提示标识', cls: 'C', method: '观察', req: '常闭防火门应在其明显位置设置“保持防火门关闭”等提示标识', std: GB50016, clause: '6.5.1', conf: 'M' },
    { name: '门体完好及密封', cls: 'C', method: '观察门扇、门框、闭门器、顺序器及密封条', req: '门扇、门框、五金件完好，密封条完整，关闭后门缝严密', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
  ]],
  ['防火卷帘', [
    { name: '两侧手动控制', cls: 'B', method: '操作卷帘两侧的手动控制按钮', req: '应能由防火卷帘两侧设置的手动控制按钮控制卷帘的升降和停止', std: GB50116, clause: '4.6.3、4.6.4', conf: 'M' },
    { name: '疏散通道卷帘联动（两步降落）', cls: 'A', method: '依次使防火分区内专门联动卷帘的感烟探测器、感温探测器报警', req: '感烟探测器报警后卷帘应下降至距楼板面1.8m处；专门联动卷帘的感温探测器报警后应下降到楼板面', std: GB50116, clause: '4.6.3', conf: 'M' },
    { name: '非疏散通道卷帘联动', cls: 'A', method: '使卷帘所在防火分区内任两只独立的火灾探测器报警', req: '卷帘应直接下降到楼板面', std: GB50116, clause: '4.6.4', conf: 'M' },
    { name: '消防控制室手动控制', cls: 'B', method: '在消防控制室联动控制器上手动控制卷帘降落', req: '应能在消防控制室内的消防联动控制器上手动控制防火卷帘的降落', std: GB50116, clause: '4.6.4', conf: 'M' },
    { name: '动作信号反馈', cls: 'B', method: '卷帘动作后观察消防联动控制器', req: '卷帘下降至距楼板面1.8m处、下降到楼板面的动作信号和相关探测器报警信号应反馈至消防联动控制器', std: GB50116, clause: '4.6.5', conf: 'M' },
    { name: '电动启闭运行速度', cls: 'C', method: '测量卷帘运行行程和时间，计算速度', req: '垂直卷卷帘电动启、闭的运行速度应为2m/min～7.5m/min', std: GB14102, clause: '6.4.5', conf: 'H', measured: { quantity: '电动启闭运行速度', unit: 'm/min', min: 2, max: 7.5 } },
    { name: '自重下降速度', cls: 'C', method: '操作手动速放装置使卷帘依自重下降，测量行程和时间', req: '垂直卷卷帘自重下降速度不应大于9.5m/min', std: GB14102, clause: '6.4.5', conf: 'H', measured: { quantity: '自重下降速度', unit: 'm/min', max: 9.5 } },
    { name: '运行噪声', cls: 'C', method: '卷帘启、闭运行时用声级计测量', req: '防火卷帘启、闭运行的平均噪声不应大于85dB', std: GB14102, clause: '6.4.4', conf: 'H', measured: { quantity: '启闭运行平均噪声', unit: 'dB', max: 85 } },
    { name: '断电手动速放', cls: 'B', method: '切断卷帘电源后操作手动速放装置', req: '断电时应能通过手动速放装置使卷帘依自重下降关闭', std: GB14102, conf: 'L' },
    { name: '座板与地面间隙', cls: 'C', method: '卷帘降到底后用塞尺或钢尺测量', req: '防火卷帘座板与地面应贴合，间隙不应大于20mm', std: GB50877, conf: 'M', measured: { quantity: '座板与地面间隙', unit: 'mm', max: 20 } },
  ]],
  ['防火窗', [
    { name: '活动式防火窗火灾时关闭', cls: 'B', method: '使相关火灾探测器报警或发出联动关闭信号', req: '设置在防火墙、防火隔墙上的活动式防火窗应具有火灾时自行关闭的功能', std: GB50016, clause: '6.1.5', conf: 'M' },
    { name: '活动式防火窗手动关闭', cls: 'C', method: '现场手动操作关闭', req: '活动式防火窗应能手动关闭，关闭后窗扇严密', std: GB50877, conf: 'M' },
  ]],
  ['防火封堵', [
    { name: '管道穿越处封堵', cls: 'C', method: '观察防火墙、防火隔墙和楼板的管道、电缆穿越处', req: '管道、电缆穿越防火墙、防火隔墙和楼板处的孔隙应采用防火封堵材料封堵', std: GB50016, clause: '6.1.6、6.3.5', conf: 'M' },
  ]],
]);

/* ----------------------------------------------------------------------------------------------
 * A.8 消防电梯
 * -------------------------------------------------------------------------------------------- */

const A8 = single('A.8', '消防电梯', ['消防电梯'], [
  ['消防电梯功能', [
    { name: '首层消防员专用操作按钮', cls: 'A', method: '电梯正常运行时操作首层消防员专用按钮', req: '首层消防电梯入口处应设置供消防队员专用的操作按钮，操作后电梯应返回首层并进入消防工作状态', std: GB50016, clause: '7.3.8', conf: 'M', note: '回首层功能见 GB 25201-2010 附录 检测记录表' },
    { name: '火灾时联动停于首层', cls: 'A', method: '使火灾报警系统确认火灾，由消防联动控制器发出控制信号', req: '消防联动控制器应能发出联动控制信号强制所有电梯停于首层或电梯转换层', std: GB50116, clause: '4.7.1', conf: 'M' },
    { name: '运行状态及反馈显示', cls: 'C', method: '电梯迫降后观察消防控制室显示', req: '电梯运行状态信息和停于首层或转换层的反馈信号应传送给消防控制室显示', std: GB50116, clause: '4.7.2', conf: 'M' },
    { name: '首层至顶层运行时间', cls: 'C', method: '消防工作状态下从首层关门起动至顶层开门，用秒表计时', req: '消防电梯从首层至顶层的运行时间不宜大于60s', std: GB50016, clause: '7.3.8', conf: 'M', measured: seconds('首层至顶层运行时间', 60) },
    { name: '每层停靠', cls: 'B', method: '消防工作状态下在轿厢内选层，逐层试停', req: '消防电梯应能每层停靠', std: GB50016, clause: '7.3.8', conf: 'M' },
    { name: '轿厢专用消防对讲电话', cls: 'B', method: '在轿厢内用专用电话呼叫消防控制室并通话', req: '轿厢内应设置能直接与消防控制室通话的专用电话，通话语音清晰', std: GB50016, clause: '7.3.8', conf: 'M', note: '同见 GB 50116-2013 4.7.2' },
  ]],
  ['井道与轿厢', [
    { name: '井底排水泵排水量', cls: 'B', method: '启动井底排水泵，核对水泵铭牌或测量排水量', req: '消防电梯井底排水泵的排水量不应小于10L/s', std: GB50016, clause: '7.3.7', conf: 'M', measured: { quantity: '排水泵排水量', unit: 'L/s', min: 10 }, note: '电梯井排水功能见 GB 25201-2010 附录 检测记录表' },
    { name: '井底排水井容量', cls: 'C', method: '尺量排水井尺寸，计算容量', req: '消防电梯的井底应设置排水设施，排水井的容量不应小于2m³', std: GB50016, clause: '7.3.7', conf: 'M', measured: { quantity: '排水井容量', unit: 'm³', min: 2 } },
    { name: '前室挡水设施', cls: 'C', method: '观察', req: '消防电梯间前室的门口宜设置挡水设施', std: GB50016, clause: '7.3.7', conf: 'M' },
    { name: '载重量', cls: 'C', method: '核对电梯铭牌', req: '消防电梯的载重量不应小于800kg', std: GB50016, clause: '7.3.8', conf: 'M', measured: { quantity: '额定载重量', unit: 'kg', min: 800 } },
    { name: '电缆电线及控制面板防水', cls: 'C', method: '观察', req: '电梯的动力与控制电缆、电线、控制面板应采取防水措施', std: GB50016, clause: '7.3.8', conf: 'M' },
    { name: '轿厢内部装修材料', cls: 'C', method: '观察，核对装修材料', req: '电梯轿厢的内部装修应采用不燃材料', std: GB50016, clause: '7.3.8', conf: 'M' },
  ]],
  ['供电', [
    { name: '末端配电箱自动切换', cls: 'B', method: '在消防电梯最末一级配电箱处切断主电源', req: '消防电梯的供电应在其配电线路的最末一级配电箱处设置自动切换装置，主电源断电后应自动切换至备用电源', std: GB50016, clause: '10.1.8', conf: 'M' },
  ]],
]);

/* ----------------------------------------------------------------------------------------------
 * A.9 消防救援窗口
 * -------------------------------------------------------------------------------------------- */

const A9 = single('A.9', '消防救援窗口', ['其他消防设施'], [
  ['消防救援窗口', [
    { name: '设置位置', cls: 'B', method: '沿建筑外墙逐层核对', req: '厂房、丙类仓库、公共建筑的外墙应在每层的适当位置设置可供消防救援人员进入的窗口，设置位置应与消防车登高操作场地相对应', std: GB50016, clause: '7.2.4、7.2.5', conf: 'M' },
    { name: '窗口净高度', cls: 'B', method: '尺量', req: '窗口的净高度不应小于1.0m', std: GB50016, clause: '7.2.5', conf: 'M', measured: { quantity: '窗口净高度', unit: 'm', min: 1.0 } },
    { name: '窗口净宽度', cls: 'B', method: '尺量', req: '窗口的净宽度不应小于1.0m', std: GB50016, clause: '7.2.5', conf: 'M', measured: { quantity: '窗口净宽度', unit: 'm', min: 1.0 } },
    { name: '下沿距室内地面高度', cls: 'C', method: '尺量', req: '窗口下沿距室内地面不宜大于1.2m', std: GB50016, clause: '7.2.5', conf: 'M', measured: { quantity: '下沿距室内地面高度', unit: 'm', max: 1.2 } },
    { name: '窗口间距', cls: 'C', method: '用测距仪测量相邻窗口间距', req: '窗口间距不宜大于20m', std: GB50016, clause: '7.2.5', conf: 'M', measured: { quantity: '窗口间距', unit: 'm', max: 20 } },
    { name: '每个防火分区窗口数量', cls: 'B', method: '按防火分区清点', req: '每个防火分区不应少于2个', std: GB50016, clause: '7.2.5', conf: 'M', measured: { quantity: '每个防火分区窗口数量', unit: '个', min: 2 } },
    { name: '玻璃易于破碎', cls: 'B', method: '核对玻璃类型', req: '窗口的玻璃应易于破碎', std: GB50016, clause: '7.2.5', conf: 'M' },
    { name: '室外明显标志', cls: 'C', method: '在室外观察', req: '应设置可在室外易于识别的明显标志', std: GB50016, clause: '7.2.5', conf: 'M' },
    { name: '窗口无障碍物', cls: 'B', method: '观察窗口内外是否设置防盗网、广告牌等', req: '人员密集场所的门窗不得设置影响逃生和灭火救援的障碍物', std: FIRE_LAW, clause: '第二十八条', conf: 'M' },
  ]],
]);

/* ----------------------------------------------------------------------------------------------
 * A.10 消防给水
 * -------------------------------------------------------------------------------------------- */

const A10 = single('A.10', '消防给水', ['消防供水设施'], [
  ['消防水池', [
    { name: '消防储水不作他用', cls: 'B', method: '核对水位、取水口和吸水管位置', req: '消防用水与其他用水共用的水池，应采取确保消防用水量不作他用的技术措施', std: GB50974, clause: '4.3.8', conf: 'M' },
    { name: '水位显示与报警', cls: 'C', method: '观察就地水位显示，查看消防控制室或值班室水位显示，模拟高、低水位', req: '应设置就地水位显示装置，并在消防控制中心或值班室等地点设置水位显示装置，同时应有最高和最低报警水位', std: GB50974, clause: '4.3.9', conf: 'M' },
    { name: '自动补水功能', cls: 'C', method: '降低水位后观察进水阀', req: '储水自动进水阀应能正常进水', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
    { name: '溢流与排水', cls: 'C', method: '观察溢流管和排水设施', req: '消防水池应设置溢流水管和排水设施，并应采用间接排水', std: GB50974, clause: '4.3.9', conf: 'M' },
  ]],
  ['高位消防水箱', [
    { name: '有效储水量', cls: 'B', method: '测量水箱有效水位，计算有效容积', req: '高位消防水箱有效容积应满足初期火灾用水量要求（如一类高层公共建筑不应小于36m³，多层公共建筑、二类高层公共建筑和一类高层住宅不应小于18m³）', std: GB50974, clause: '5.2.1', conf: 'M' },
    { name: '最不利点静水压力（一类高层公共建筑、工业建筑）', cls: 'B', method: '在最不利点处（如试验消火栓）读取静压', req: '一类高层公共建筑最不利点静水压力不应低于0.10MPa（建筑高度超过100m时不应低于0.15MPa）；工业建筑不应低于0.10MPa', std: GB50974, clause: '5.2.2', conf: 'M', measured: { quantity: '最不利点静水压力', unit: 'MPa', min: 0.10 } },
    { name: '最不利点静水压力（高层住宅、二类高层公共建筑、多层公共建筑）', cls: 'B', method: '在最不利点处（如试验消火栓）读取静压', req: '高层住宅、二类高层公共建筑、多层公共建筑最不利点静水压力不应低于0.07MPa', std: GB50974, clause: '5.2.2', conf: 'M', measured: { quantity: '最不利点静水压力', unit: 'MPa', min: 0.07 } },
    { name: '液位检测与报警', cls: 'C', method: '模拟水箱高、低水位', req: '液位检测装置应正常显示并能发出报警信号', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
    { name: '自动进水功能', cls: 'C', method: '降低水位后观察进水阀', req: '自动进水阀应能正常进水', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
    { name: '出水管流量开关启泵', cls: 'A', method: '模拟消防水箱出水（开启试验阀或末端放水）', req: '高位消防水箱出水管上的流量开关动作后应能直接自动启动消防水泵', std: GB50974, clause: '11.0.4', conf: 'M' },
  ]],
  ['消防水泵及控制柜', [
    { name: '手动启、停泵', cls: 'A', method: '在消防水泵控制柜上手动启动和停止每台水泵', req: '消防水泵应能手动启停，运行平稳，无异常声响', std: GB50974, clause: '11.0.5', conf: 'M' },
    { name: '自动启泵', cls: 'A', method: '使出水干管压力开关、高位水箱流量开关或报警阀压力开关动作', req: '上述开关信号应能直接自动启动消防水泵', std: GB50974, clause: '11.0.4', conf: 'M' },
    { name: '自动启动时间', cls: 'B', method: '从发出启泵信号起用秒表计时至水泵正常运转', req: '从接到启泵信号到水泵正常运转的自动启动时间不应大于2min', std: GB50974, clause: '11.0.3', conf: 'M', measured: seconds('自动启动时间', 120) },
    { name: '消防控制室直接启泵', cls: 'A', method: '在消防控制室手动控制盘上直接启动消防水泵', req: '消防控制室应能通过专用线路直接手动启动消防水泵，并显示运行状态', std: GB50974, clause: '11.0.7', conf: 'M' },
    { name: '主、备泵切换', cls: 'B', method: '模拟工作泵故障', req: '工作泵故障时备用泵应能自动投入运行', std: GB50974, conf: 'M', note: '主、备泵切换功能见 GB 25201-2010 附录 检测记录表' },
    { name: '机械应急启泵', cls: 'B', method: '在控制柜内操作机械应急启动装置，用秒表计时', req: '控制柜应设置机械应急启泵功能，机械应急启动时应确保消防水泵在报警后5.0min内正常工作', std: GB50974, clause: '11.0.12', conf: 'M', measured: { quantity: '机械应急启动至正常工作时间', unit: 'min', max: 5 } },
    { name: '不设自动停泵', cls: 'B', method: '自动启泵后观察是否自动停止', req: '消防水泵不应设置自动停泵的控制功能，停泵应由具有管理权限的工作人员确定', std: GB50974, clause: '11.0.2', conf: 'M' },
    { name: '设计流量150%时出口压力', cls: 'B', method: '打开试验管路，使流量达到设计流量的150%，读取出口压力', req: '出流量为设计流量的150%时，出口压力不应低于设计工作压力的65%', std: GB50974, clause: '5.1.6', conf: 'M', measured: { quantity: '出口压力与设计工作压力之比', unit: '%', min: 65 } },
    { name: '零流量压力', cls: 'C', method: '关闭出水阀门，读取泵出口压力', req: '零流量时的压力不应大于设计工作压力的140%', std: GB50974, clause: '5.1.6', conf: 'M', measured: { quantity: '零流量压力与设计工作压力之比', unit: '%', max: 140 } },
    { name: '运行信号反馈', cls: 'C', method: '启泵后观察消防控制室', req: '消防水泵的启动、停止和故障信号应反馈至消防控制室', std: GB50116, clause: '4.3.3', conf: 'M' },
    { name: '控制柜防护等级', cls: 'C', method: '核对控制柜铭牌和设置位置', req: '控制柜设置在专用消防水泵控制室时防护等级不应低于IP30，与消防水泵设置在同一空间时不应低于IP55', std: GB50974, clause: '11.0.9', conf: 'M' },
  ]],
  ['稳压泵及气压水罐', [
    { name: '自动启、停泵', cls: 'B', method: '放水降压后观察稳压泵启动，恢复后观察停泵，记录启停压力', req: '稳压泵应在设定的启泵压力自动启动、在停泵压力自动停止', std: GB50974, clause: '5.3', conf: 'M', note: '自动启、停泵压力见 GB 25201-2010 附录 检测记录表' },
    { name: '准工作状态最不利点静压', cls: 'B', method: '在系统最不利点读取静压', req: '稳压泵应保持系统最不利点处水灭火设施在准工作状态时的静水压力大于0.15MPa', std: GB50974, clause: '5.3.3', conf: 'M', measured: { quantity: '准工作状态最不利点静水压力', unit: 'MPa', min: 0.15 } },
    { name: '启停次数', cls: 'C', method: '查看运行记录或观察1h内启停次数', req: '稳压泵启停次数不宜大于15次/h', std: GB50974, clause: '5.3.4', conf: 'M', measured: { quantity: '启停次数', unit: '次/h', max: 15 } },
    { name: '主、备泵切换', cls: 'C', method: '模拟工作稳压泵故障', req: '稳压泵应设置备用泵，工作泵故障时备用泵应能投入运行', std: GB50974, clause: '5.3.6', conf: 'M' },
    { name: '联动启动主泵', cls: 'A', method: '持续放水使压力降至主泵启动压力', req: '压力降至设定值时应联动启动消防主泵', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
  ]],
  ['水泵接合器', [
    { name: '永久性标志铭牌', cls: 'C', method: '观察', req: '水泵接合器处应设置永久性标志铭牌，并应标明供水系统、供水范围和额定压力', std: GB50974, clause: '5.4.9', conf: 'M' },
    { name: '设置位置', cls: 'C', method: '测量至室外消火栓或消防水池的距离', req: '水泵接合器距室外消火栓或消防水池的距离不宜小于15m，并不宜大于40m', std: GB50974, clause: '5.4.7', conf: 'M', measured: { quantity: '至室外消火栓或消防水池距离', unit: 'm', min: 15, max: 40 } },
    { name: '组件完好', cls: 'C', method: '观察接口、闷盖、止回阀和控制阀', req: '组件齐全完好，控制阀常开，止回阀方向正确', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
    { name: '通水试验', cls: 'B', method: '用消防车或手抬泵通过水泵接合器向系统供水', req: '通水后系统最不利点的压力和流量应符合设计要求', std: GB50974, conf: 'M' },
  ]],
  ['阀门与管网', [
    { name: '控制阀门启闭状态', cls: 'C', method: '观察阀门开启状态、锁定装置，信号阀启闭时观察反馈', req: '系统控制阀门应处于常开位置并锁定，信号阀启闭状态信号应反馈至消防控制室', std: GB50974, conf: 'M' },
    { name: '减压阀减压功能', cls: 'B', method: '读取减压阀前后压力', req: '减压装置阀后压力应符合设计要求', std: GB50974, clause: '8.3.4', conf: 'M', note: '减压装置减压功能见 GB 25201-2010 附录 检测记录表' },
  ]],
]);

/* ----------------------------------------------------------------------------------------------
 * A.11 消火栓系统
 * -------------------------------------------------------------------------------------------- */

const A11 = single('A.11', '消火栓系统', ['消火栓（自动寻的灭火装置）灭火系统'], [
  ['室内消火栓', [
    { name: '栓口动压下限（高层、厂房、库房、净空高度超过8m的民用建筑）', cls: 'B', method: '在最不利点消火栓连接压力表和水带水枪出水，读取栓口动压', req: '高层建筑、厂房、库房和室内净空高度超过8m的民用建筑等场所，消火栓栓口动压不应小于0.35MPa', std: GB50974, clause: '7.4.12', conf: 'M', measured: { quantity: '栓口动压', unit: 'MPa', min: 0.35 } },
    { name: '栓口动压下限（其他场所）', cls: 'B', method: '在最不利点消火栓连接压力表和水带水枪出水，读取栓口动压', req: '其他场所消火栓栓口动压不应小于0.25MPa', std: GB50974, clause: '7.4.12', conf: 'M', measured: { quantity: '栓口动压', unit: 'MPa', min: 0.25 } },
    { name: '栓口动压上限', cls: 'B', method: '在最有利点（最低层）消火栓出水，读取栓口动压', req: '消火栓栓口动压力不应大于0.50MPa；大于0.70MPa时必须设置减压装置', std: GB50974, clause: '7.4.12', conf: 'M', measured: { quantity: '栓口动压', unit: 'MPa', max: 0.5 } },
    { name: '消火栓箱配置', cls: 'C', method: '开箱核对', req: '应配置DN65消火栓、长度不宜超过25.0m的有内衬里消防水带和当量喷嘴直径不小于16mm的消防水枪，宜配置消防软管卷盘或轻便水龙', std: GB50974, clause: '7.4.2', conf: 'M' },
    { name: '栓口安装', cls: 'C', method: '尺量、观察', req: '栓口距地面高度宜为1.1m，出水方向宜向下或与设置消火栓的墙面成90°角', std: GB50974, clause: '7.4.8', conf: 'M' },
    { name: '试验消火栓', cls: 'C', method: '观察屋顶或规定位置', req: '设有室内消火栓的建筑应设置带有压力表的试验消火栓', std: GB50974, clause: '7.4.9', conf: 'M' },
    { name: '消防软管卷盘射水', cls: 'C', method: '展开软管卷盘出水', req: '软管卷盘应转动灵活，射水正常', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
    { name: '箱体标识与取用', cls: 'C', method: '观察', req: '消火栓箱应有明显标识，箱门开启灵活，不得被遮挡、圈占', std: FIRE_LAW, clause: '第二十八条', conf: 'M' },
  ]],
  ['室外消火栓', [
    { name: '出水压力', cls: 'B', method: '在最不利点室外消火栓连接压力表出水', req: '火灾时最不利点室外（市政）消火栓出流量不应小于15L/s，供水压力从地面算起不应小于0.10MPa', std: GB50974, clause: '7.2.8', conf: 'M', measured: { quantity: '出水压力', unit: 'MPa', min: 0.1 } },
    { name: '保护半径', cls: 'C', method: '核对消火栓布置', req: '建筑室外消火栓的保护半径不应大于150.0m', std: GB50974, clause: '7.3.2', conf: 'M', measured: { quantity: '保护半径', unit: 'm', max: 150 } },
    { name: '外观与阀门', cls: 'C', method: '观察并开启阀门', req: '外观完好，标志明显，阀门开启灵活，无渗漏', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
  ]],
  ['消火栓泵联动控制', [
    { name: '开关信号直接启泵', cls: 'A', method: '使出水干管低压压力开关、高位水箱流量开关或报警阀压力开关动作（控制器分别置于手动、自动状态）', req: '应由上述开关信号直接控制启动消火栓泵，且不受消防联动控制器处于自动或手动状态的影响', std: GB50116, clause: '4.3.1', conf: 'M' },
    { name: '消火栓按钮报警及联动', cls: 'A', method: '按下消火栓按钮', req: '消火栓按钮的动作信号应作为报警信号及启动消火栓泵的联动触发信号，由消防联动控制器联动控制消火栓泵启动', std: GB50116, clause: '4.3.1', conf: 'M' },
    { name: '消防控制室手动直接启泵', cls: 'A', method: '在消防控制室手动控制盘上操作', req: '应能通过专用线路在手动控制盘上直接手动控制消火栓泵的启动、停止', std: GB50116, clause: '4.3.2', conf: 'M' },
    { name: '启泵信号反馈', cls: 'C', method: '启泵后观察消火栓按钮指示和联动控制器', req: '消火栓泵的动作信号应反馈至消防联动控制器，按钮处应有启动确认指示', std: GB50116, clause: '4.3.3', conf: 'M' },
  ]],
]);

/* ----------------------------------------------------------------------------------------------
 * A.12 自动喷水灭火系统
 * -------------------------------------------------------------------------------------------- */

const A12 = single('A.12', '自动喷水灭火系统', ['自动喷水灭火系统'], [
  ['洒水喷头', [
    { name: '喷头外观', cls: 'C', method: '观察', req: '喷头应无变形、附着物、涂覆和悬挂物，不得被遮挡', std: GB50261, conf: 'M' },
    { name: '喷头选型', cls: 'B', method: '核对喷头型号、温级、响应类型与设置场所', req: '喷头类型、公称动作温度和响应时间指数应符合设置场所和设计要求', std: GB50084, clause: '6.1', conf: 'M' },
    { name: '溅水盘与顶板距离', cls: 'C', method: '尺量直立型、下垂型标准覆盖面积洒水喷头', req: '除吊顶型喷头及另有规定外，溅水盘与顶板的距离不应小于75mm，且不应大于150mm', std: GB50084, clause: '7.1.6', conf: 'M', measured: { quantity: '溅水盘与顶板距离', unit: 'mm', min: 75, max: 150 } },
    { name: '备用喷头', cls: 'C', method: '清点备用喷头', req: '应有备用洒水喷头，数量不应少于总数的1%，且每种型号均不得少于10只', std: GB50084, conf: 'M' },
  ]],
  ['报警阀组', [
    { name: '组件及阀门状态', cls: 'C', method: '观察报警阀组组件、压力表和控制阀', req: '组件齐全完好，压力表指示正常，控制阀均应锁定在常开位置', std: GB50261, clause: '8.0.7', conf: 'M' },
    { name: '湿式报警阀放水试验', cls: 'A', method: '打开末端试水装置或报警阀试水阀放水', req: '流量达到报警阀动作流量时，报警阀和压力开关应及时动作', std: GB50261, clause: '8.0.7', conf: 'M' },
    { name: '压力开关动作时间（带延迟器）', cls: 'B', method: '放水试验时用秒表计时至压力开关动作', req: '带延迟器的报警阀应在90s内压力开关动作', std: GB50261, clause: '8.0.7', conf: 'M', measured: seconds('压力开关动作时间', 90) },
    { name: '压力开关动作时间（不带延迟器）', cls: 'B', method: '放水试验时用秒表计时至压力开关动作', req: '不带延迟器的报警阀应在15s内压力开关动作', std: GB50261, clause: '8.0.7', conf: 'M', measured: seconds('压力开关动作时间', 15) },
    { name: '水力警铃喷嘴处压力', cls: 'B', method: '放水试验时读取水力警铃喷嘴处压力', req: '水力警铃喷嘴处压力不应小于0.05MPa', std: GB50261, clause: '8.0.7', conf: 'M', measured: { quantity: '水力警铃喷嘴处压力', unit: 'MPa', min: 0.05 } },
    { name: '水力警铃声强', cls: 'B', method: '放水试验时用声级计在距水力警铃3m处测量', req: '距水力警铃3m远处警铃声声强不应小于70dB', std: GB50261, clause: '8.0.7', conf: 'M', measured: { quantity: '3m处警铃声强', unit: 'dB', min: 70 } },
    { name: '雨淋阀组动作', cls: 'A', method: '打开手动试水阀或启动电磁阀', req: '雨淋阀组应可靠动作', std: GB50261, clause: '8.0.7', conf: 'M' },
    { name: '雨淋阀压力开关动作时间', cls: 'B', method: '雨淋阀动作后用秒表计时至压力开关动作', req: '雨淋报警阀动作后15s内压力开关应动作', std: GB50261, clause: '8.0.7', conf: 'M', measured: seconds('压力开关动作时间', 15) },
    { name: '排放阀排水', cls: 'C', method: '开启报警阀组排放阀', req: '排放阀应能正常排水', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
  ]],
  ['水流指示器和信号阀', [
    { name: '水流指示器报警', cls: 'B', method: '开启相应区域末端试水装置或试水阀', req: '水流指示器应动作，报警信号应反馈至消防联动控制器并显示所在区域', std: GB50116, clause: '4.2.1', conf: 'M' },
    { name: '信号阀启闭反馈', cls: 'C', method: '关闭、开启信号阀', req: '信号阀的启闭状态信号应反馈至消防联动控制器', std: GB50116, clause: '4.2.1', conf: 'M' },
  ]],
  ['末端试水装置', [
    { name: '装置组成', cls: 'C', method: '观察', req: '末端试水装置应由试水阀、压力表以及试水接头组成', std: GB50084, clause: '6.5.2', conf: 'M' },
    { name: '设置位置', cls: 'C', method: '核对', req: '每个报警阀组控制的最不利点洒水喷头处应设末端试水装置，其他防火分区、楼层均应设直径为25mm的试水阀', std: GB50084, clause: '6.5.1', conf: 'M' },
    { name: '末端试水压力', cls: 'B', method: '开启末端试水装置放水，读取压力表', req: '最不利点处喷头的工作压力不应低于0.05MPa', std: GB50084, clause: '5.0.1', conf: 'M', measured: { quantity: '末端试水装置压力', unit: 'MPa', min: 0.05 } },
    { name: '排水方式', cls: 'C', method: '放水时观察', req: '末端试水装置的出水应采取孔口出流的方式排入排水管道', std: GB50084, clause: '6.5.2', conf: 'M' },
  ]],
  ['系统联动控制', [
    { name: '湿式、干式系统压力开关直接启泵', cls: 'A', method: '放水使报警阀组压力开关动作（联动控制器分别置于手动、自动状态）', req: '应由报警阀压力开关的动作信号作为触发信号，直接控制启动喷淋消防泵，且不受消防联动控制器处于自动或手动状态影响', std: GB50116, clause: '4.2.1', conf: 'M' },
    { name: '消防控制室手动直接启泵', cls: 'A', method: '在消防控制室手动控制盘上操作', req: '应能通过专用线路在手动控制盘上直接手动控制喷淋消防泵的启动、停止', std: GB50116, clause: '4.2.1', conf: 'M' },
    { name: '动作信号反馈', cls: 'C', method: '系统动作后观察消防联动控制器', req: '水流指示器、信号阀、压力开关、喷淋消防泵的启动和停止的动作信号应反馈至消防联动控制器', std: GB50116, clause: '4.2.1', conf: 'M' },
    { name: '预作用系统联动', cls: 'A', method: '使同一报警区域内两只感烟探测器（或一只感烟探测器与一只手动报警按钮）报警', req: '消防联动控制器应控制预作用阀组开启，使系统转变为湿式系统；设有快速排气装置时应联动开启排气阀前的电动阀', std: GB50116, clause: '4.2.2', conf: 'M' },
    { name: '雨淋系统联动', cls: 'A', method: '使同一报警区域内两只感温探测器（或一只感温探测器与一只手动报警按钮）报警', req: '消防联动控制器应控制雨淋阀组开启', std: GB50116, clause: '4.2.3', conf: 'M' },
    { name: '干式、预作用系统充水时间', cls: 'B', method: '开启末端试水装置，用秒表记录自阀组开启至末端出水的时间', req: '干式系统与由火灾自动报警系统自动开启的预作用系统，配水管道充水时间不宜大于1min', std: GB50084, clause: '5.0.11', conf: 'M', measured: seconds('配水管道充水时间', 60) },
    { name: '充气、排气装置', cls: 'C', method: '观察空气压缩机和快速排气阀，模拟低气压', req: '干式、预作用系统的充气装置应能维持管道气压，排气装置应能正常排气', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
  ]],
]);

/* ----------------------------------------------------------------------------------------------
 * A.13 水喷雾灭火系统
 * -------------------------------------------------------------------------------------------- */

const A13 = single('A.13', '水喷雾灭火系统', ['水喷雾灭火系统'], [
  ['雨淋报警阀组', [
    { name: '控制方式', cls: 'A', method: '分别以自动、手动和应急机械方式启动雨淋报警阀', req: '系统应具有自动控制、手动控制和应急机械启动三种控制方式（响应时间大于120s时可采用手动和应急机械启动两种方式）', std: GB50219, clause: '6.0.1', conf: 'M' },
    { name: '压力开关与水力警铃', cls: 'B', method: '雨淋阀动作后观察', req: '压力开关应动作并反馈信号，水力警铃应发出报警铃声', std: GB50261, clause: '8.0.7', conf: 'M' },
    { name: '组件及阀门状态', cls: 'C', method: '观察', req: '组件齐全完好，压力表指示正常，控制阀锁定在常开位置', std: GB50219, conf: 'M' },
  ]],
  ['水雾喷头', [
    { name: '灭火用喷头工作压力', cls: 'B', method: '喷水试验时读取最不利点喷头处压力', req: '水雾喷头用于灭火时工作压力不应小于0.35MPa', std: GB50219, clause: '3.1.3', conf: 'M', measured: { quantity: '喷头工作压力', unit: 'MPa', min: 0.35 } },
    { name: '防护冷却用喷头工作压力', cls: 'B', method: '喷水试验时读取最不利点喷头处压力', req: '用于防护冷却时工作压力不应小于0.2MPa（甲B、乙、丙类液体储罐不应小于0.15MPa）', std: GB50219, clause: '3.1.3', conf: 'M', measured: { quantity: '喷头工作压力', unit: 'MPa', min: 0.2 } },
    { name: '喷头外观与朝向', cls: 'C', method: '观察', req: '喷头无堵塞、损伤，朝向保护对象，安装位置符合设计要求', std: GB50219, conf: 'M' },
    { name: '过滤器', cls: 'C', method: '观察雨淋阀前管道过滤器', req: '雨淋报警阀前的管道应设置可冲洗的过滤器，过滤器应无堵塞', std: GB50219, conf: 'M' },
  ]],
  ['系统联动控制', [
    { name: '自动启动', cls: 'A', method: '模拟保护区火灾探测报警信号', req: '应能联动开启雨淋报警阀并启动消防水泵，喷头喷雾', std: GB50219, clause: '6.0', conf: 'M' },
    { name: '系统响应时间', cls: 'B', method: '从发出启动信号起计时至最不利点喷头出水', req: '系统响应时间应符合设计要求及标准规定的限值', std: GB50219, clause: '3.1.2', conf: 'M', note: '限值随保护对象不同（见 GB 50219 表3.1.2），未给出单一测量上限' },
    { name: '动作信号反馈', cls: 'C', method: '系统动作后观察消防控制室', req: '雨淋报警阀、压力开关、消防水泵的动作信号应反馈至消防控制室', std: GB50116, clause: '4.2.3', conf: 'M' },
  ]],
]);

/* ----------------------------------------------------------------------------------------------
 * A.14 细水雾灭火系统
 * -------------------------------------------------------------------------------------------- */

const A14 = single('A.14', '细水雾灭火系统', ['细水雾灭火系统'], [
  ['泵组系统', [
    { name: '手动启、停泵', cls: 'B', method: '在泵组控制柜上手动启动、停止', req: '泵组应能手动启停，运行正常', std: GB50898, clause: '3.6', conf: 'M' },
    { name: '自动启泵', cls: 'A', method: '模拟启动信号', req: '泵组系统应具有自动控制方式，接到启动信号后泵组应自动启动', std: GB50898, clause: '3.6.1', conf: 'M' },
    { name: '主、备泵切换', cls: 'B', method: '模拟工作泵故障', req: '工作泵故障时备用泵应能自动投入运行', std: GB50898, conf: 'M', note: '主/备泵切换功能见 GB 25201-2010 附录 检测记录表' },
    { name: '储水箱水位', cls: 'C', method: '观察水位显示', req: '储水箱水位应符合设计要求，水位显示正常', std: GB50898, conf: 'M' },
  ]],
  ['瓶组系统', [
    { name: '储水瓶组、储气瓶组压力', cls: 'B', method: '读取压力表', req: '储气瓶组压力应符合设计要求，压力表指示在正常范围', std: GB50898, conf: 'M' },
    { name: '启动装置启动性能', cls: 'A', method: '断开释放管路后，以电动和机械应急方式模拟启动', req: '瓶组系统应具有自动、手动和机械应急操作控制方式，机械应急操作应能在瓶组间内直接手动启动系统', std: GB50898, clause: '3.6.1', conf: 'M' },
    { name: '减压装置', cls: 'C', method: '读取减压装置前后压力', req: '减压装置减压性能应符合设计要求', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
  ]],
  ['分区控制阀', [
    { name: '启动与反馈', cls: 'A', method: '分别以自动、手动、机械应急方式开启分区控制阀', req: '分区控制阀应具有接收控制信号实现启动、反馈阀门启闭或故障信号的功能，具有自动、手动启动和机械应急操作启动功能，关闭后应能复位', std: GB50898, clause: '3.6.3', conf: 'M' },
    { name: '标识', cls: 'C', method: '观察', req: '应在明显位置设置对应于防护区或保护对象的永久性标识，并标明水流方向', std: GB50898, clause: '3.6.3', conf: 'M' },
  ]],
  ['喷头与末端试水', [
    { name: '喷头外观', cls: 'C', method: '观察', req: '喷头无堵塞、损伤和遮挡', std: GB50898, conf: 'M' },
    { name: '最不利点喷头工作压力', cls: 'B', method: '试验时读取最不利点压力', req: '喷头的最低设计工作压力不应小于1.20MPa', std: GB50898, clause: '3.4.1', conf: 'M', measured: { quantity: '最不利点喷头工作压力', unit: 'MPa', min: 1.2 } },
    { name: '闭式系统末端试水报警', cls: 'B', method: '开启末端试水装置', req: '水流指示器、压力开关应动作并发出报警信号', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
  ]],
  ['系统联动控制', [
    { name: '开式系统自动启动', cls: 'A', method: '使同一防护区内两个独立的火灾探测器报警', req: '开式系统应在接收到两个独立的火灾报警信号后自动启动', std: GB50898, clause: '3.6', conf: 'M' },
    { name: '开式系统响应时间', cls: 'B', method: '从发出启动信号起计时至最不利点喷头喷雾', req: '开式系统的设计响应时间不应大于30s', std: GB50898, clause: '3.4', conf: 'M', measured: seconds('系统响应时间', 30) },
    { name: '动作信号反馈', cls: 'C', method: '系统动作后观察消防控制室', req: '系统的启动、分区控制阀启闭、泵组运行和故障信号应反馈至消防控制室', std: GB50898, clause: '3.6', conf: 'M' },
  ]],
]);

/* ----------------------------------------------------------------------------------------------
 * A.15 消防炮
 * -------------------------------------------------------------------------------------------- */

const A15 = single('A.15', '消防炮', ['消火栓（自动寻的灭火装置）灭火系统'], [
  ['消防炮本体', [
    { name: '手动操作功能', cls: 'B', method: '现场手动操作炮体水平回转、俯仰和射流形态', req: '回转、俯仰动作灵活，定位可靠', std: GB50338, conf: 'M', note: '手动功能见 GB 25201-2010 附录 检测记录表' },
    { name: '遥控操作功能', cls: 'B', method: '在控制室或现场控制盘遥控操作', req: '遥控回转、俯仰、射流形态切换应正确，有动作及位置反馈', std: GB50338, conf: 'M' },
    { name: '外观及周边环境', cls: 'C', method: '观察', req: '炮体、炮塔和回转装置完好，射流范围内无遮挡', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
  ]],
  ['系统联动控制', [
    { name: '手动按钮启动', cls: 'A', method: '操作现场或控制室启动按钮', req: '应能启动消防泵并开启相应阀门，消防炮出水', std: GB50338, conf: 'M', note: '手动按钮启动功能见 GB 25201-2010 附录 检测记录表' },
    { name: '启动至喷射时间', cls: 'B', method: '从启动起用秒表计时至消防炮喷射到保护对象', req: '水炮和泡沫炮系统从启动至炮口喷射水或泡沫的时间不应大于5min', std: GB50338, conf: 'M', measured: { quantity: '启动至喷射时间', unit: 'min', max: 5 } },
    { name: '最不利点消防炮出水压力', cls: 'B', method: '最不利点消防炮出水时读取压力', req: '最不利点消防炮出水压力应符合设计要求', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
    { name: '动作信号反馈', cls: 'C', method: '系统动作后观察控制室', req: '消防泵、阀门和消防炮的动作信号应反馈至消防控制室', std: GB50338, conf: 'M' },
  ]],
  ['自动跟踪定位射流灭火装置', [
    { name: '自动探测定位与喷射', cls: 'A', method: '在保护区内设置模拟火源', req: '装置应自动探测、定位火源并启动喷射，同时发出声光报警', std: GB51427, conf: 'M', note: '模拟自动启动见 GB 25201-2010 附录 检测记录表' },
    { name: '控制方式', cls: 'B', method: '分别以自动、消防控制室手动、现场手动方式操作', req: '系统应具有自动控制、消防控制室手动控制和现场手动控制方式', std: GB51427, conf: 'M' },
  ]],
]);

/* ----------------------------------------------------------------------------------------------
 * A.16 火灾自动报警系统 — GB 50166 fixes the class of the alarm and linkage items.
 * -------------------------------------------------------------------------------------------- */

const A16 = single('A.16', '火灾自动报警系统', ['火灾报警系统'], [
  ['火灾探测器', [
    { name: '点型感烟、感温探测器报警功能', cls: 'A', method: '用专用检测仪器或模拟火灾的方法向探测器施加烟气或热', req: '探测器火警确认灯应点亮并保持；火灾报警控制器应发出火灾报警声、光信号并显示部件类型和地址注释', std: GB50166, conf: 'M', classBy: GB50166_CLASSES, note: '火灾探测器报警功能见 GB 25201-2010 附录 检测记录表' },
    { name: '探测器复位功能', cls: 'C', method: '撤除烟气或热后复位控制器', req: '探测器应恢复正常监视状态，火警确认灯熄灭', std: GB50166, conf: 'M', classBy: GB50166_CLASSES },
    { name: '线型光束感烟探测器报警功能', cls: 'A', method: '用产品设定减光率（1.0dB～10.0dB）的减光片遮挡光路，用秒表计时', req: '探测器应在30s内发出火灾报警信号', std: GB50166, conf: 'M', classBy: GB50166_CLASSES, measured: seconds('报警响应时间', 30) },
    { name: '线型光束感烟探测器遮挡故障', cls: 'C', method: '用减光率为11.5dB的减光片遮挡光路', req: '探测器应发出故障信号或火灾报警信号', std: GB50166, conf: 'M', classBy: GB50166_CLASSES },
    { name: '管路采样吸气式探测器报警功能', cls: 'A', method: '在采样管最末端（最不利处）采样孔加入试验烟，用秒表计时', req: '探测器或其控制装置应在120s内发出火灾报警信号', std: GB50166, conf: 'M', classBy: GB50166_CLASSES, measured: seconds('报警响应时间', 120) },
    { name: '火焰探测器、图像型探测器报警功能', cls: 'A', method: '在监视区域最不利处用专用检测仪器释放试验光波，用秒表计时', req: '探测器应在30s内发出火灾报警信号', std: GB50166, conf: 'M', classBy: GB50166_CLASSES, measured: seconds('报警响应时间', 30) },
    { name: '线型感温探测器报警功能', cls: 'A', method: '在不可恢复探测器以外的线型感温探测器上用专用检测仪器或模拟方法加热', req: '探测器应发出火灾报警信号，控制器显示报警部位', std: GB50166, conf: 'M', classBy: GB50166_CLASSES },
    { name: '点型探测器至墙、梁距离', cls: 'C', method: '尺量', req: '点型探测器至墙壁、梁边的水平距离不应小于0.5m，周围0.5m内不应有遮挡物', std: GB50116, clause: '6.2.18', conf: 'M', classBy: GB50166_CLASSES, measured: { quantity: '至墙壁、梁边水平距离', unit: 'm', min: 0.5 } },
    { name: '点型探测器至空调送风口距离', cls: 'C', method: '尺量', req: '点型探测器至空调送风口边的水平距离不应小于1.5m', std: GB50116, clause: '6.2.18', conf: 'M', classBy: GB50166_CLASSES, measured: { quantity: '至空调送风口边水平距离', unit: 'm', min: 1.5 } },
  ]],
  ['手动火灾报警按钮', [
    { name: '报警功能', cls: 'A', method: '按下（或用专用工具触发）手动报警按钮', req: '按钮报警确认灯应点亮，火灾报警控制器应发出火灾报警声、光信号并显示部位', std: GB50166, conf: 'M', classBy: GB50166_CLASSES },
    { name: '设置间距', cls: 'C', method: '测量步行距离', req: '从一个防火分区内的任何位置到最邻近的手动火灾报警按钮的步行距离不应大于30m', std: GB50116, clause: '6.3.1', conf: 'M', classBy: GB50166_CLASSES, measured: { quantity: '至最近手动报警按钮步行距离', unit: 'm', max: 30 } },
    { name: '安装高度', cls: 'C', method: '尺量底边距地面高度', req: '手动火灾报警按钮底边距地高度宜为1.3m～1.5m', std: GB50116, clause: '6.3.2', conf: 'M', classBy: GB50166_CLASSES, measured: { quantity: '底边距地面高度', unit: 'm', min: 1.3, max: 1.5 } },
  ]],
  ['火灾报警控制器', [
    { name: '自检功能', cls: 'C', method: '操作控制器自检键', req: '控制器应能对本机屏幕、指示灯和音响器件进行功能检查', std: GB50166, conf: 'M', classBy: GB50166_CLASSES },
    { name: '火警报警功能', cls: 'A', method: '使任一探测器报警，用秒表计时', req: '控制器应在10s内发出火灾报警声、光信号，显示火灾报警部位并记录报警时间', std: GB4717, conf: 'M', classBy: GB50166_CLASSES, measured: seconds('火灾报警响应时间', 10) },
    { name: '故障报警功能', cls: 'C', method: '断开任一探测器或回路连线，用秒表计时', req: '控制器应在100s内发出故障声、光信号，并显示故障部位', std: GB4717, conf: 'M', classBy: GB50166_CLASSES, measured: seconds('故障报警时间', 100) },
    { name: '火警优先功能', cls: 'A', method: '使控制器处于故障状态，再使任一非故障部位探测器报警', req: '控制器应在故障状态下发出火灾报警声、光信号，火警信号优先于故障信号', std: GB50166, conf: 'M', classBy: GB50166_CLASSES },
    { name: '消音、复位功能', cls: 'C', method: '报警状态下操作消音键、复位键', req: '消音后声信号停止，再有火警时应能再次启动；复位后应恢复正常监视状态', std: GB50166, conf: 'M', classBy: GB50166_CLASSES },
    { name: '屏蔽功能', cls: 'C', method: '对任一部件进行屏蔽操作', req: '控制器应能对部件进行屏蔽，屏蔽指示和部位显示正确', std: GB50166, conf: 'M', classBy: GB50166_CLASSES },
    { name: '主、备电源自动转换功能', cls: 'C', method: '切断控制器主电源，再恢复', req: '主电源断电后应自动转入备用电源工作，主电源恢复后应自动转回，并有相应指示', std: GB50166, conf: 'M', classBy: GB50166_CLASSES },
    { name: '备用电源充、放电功能', cls: 'C', method: '查看备用电源充电指示，备电工作状态下观察控制器工作', req: '备用电源应能正常充电，并能在主电源断电时保证控制器正常工作', std: GB25201, clause: '附录 检测记录表', conf: 'M', classBy: GB50166_CLASSES },
    { name: '打印功能', cls: 'C', method: '报警后查看打印记录', req: '打印机应打印报警时间、部位等信息', std: GB25201, clause: '附录 检测记录表', conf: 'M', classBy: GB50166_CLASSES },
    { name: '控制器容量与余量', cls: 'C', method: '查看控制器回路与地址配置', req: '每台控制器连接的设备总数和地址总数均不应超过3200点，每一总线回路连接设备的总数不宜超过200点，且应留有不少于额定容量10%的余量', std: GB50116, clause: '3.1.5', conf: 'M', classBy: GB50166_CLASSES },
  ]],
  ['火灾显示盘和消防控制室图形显示装置', [
    { name: '火灾显示盘报警显示', cls: 'C', method: '使本区域探测器报警', req: '火灾显示盘应发出火灾报警声、光信号并显示报警部位', std: GB50166, conf: 'M', classBy: GB50166_CLASSES },
    { name: '图形显示装置信息显示', cls: 'C', method: '使探测器报警、部件故障和联动设备动作', req: '图形显示装置应显示建筑平面图、报警和故障部位、联动设备状态，信息与控制器一致', std: GB50116, clause: '3.4', conf: 'M', classBy: GB50166_CLASSES, note: 'CRT显示器报警显示功能见 GB 25201-2010 附录 检测记录表' },
    { name: '远程监控信息传输', cls: 'C', method: '使控制器报警、故障，在监控中心核对', req: '用户信息传输装置应将火灾报警、故障等信息传送至监控中心', std: GB25201, clause: '附录 检测记录表', conf: 'M', classBy: GB50166_CLASSES },
  ]],
  ['火灾警报器', [
    { name: '联动启动全部警报器', cls: 'A', method: '使控制器确认火灾', req: '确认火灾后应启动建筑内所有火灾声光警报器', std: GB50116, clause: '4.8.1', conf: 'M', classBy: GB50166_CLASSES },
    { name: '警报声压级', cls: 'C', method: '警报状态下用声级计在报警区域内测量', req: '火灾警报器声压级不应小于60dB', std: GB50116, clause: '6.5.2', conf: 'M', classBy: GB50166_CLASSES, measured: { quantity: '警报声压级', unit: 'dB', min: 60 } },
    { name: '高噪声场所声压级', cls: 'C', method: '先测背景噪声，再测警报声压级，计算差值', req: '环境噪声大于60dB的场所，警报器声压级应高于背景噪声15dB', std: GB50116, clause: '6.5.2', conf: 'M', classBy: GB50166_CLASSES, measured: { quantity: '警报声压级高于背景噪声', unit: 'dB', min: 15 } },
  ]],
  ['消防联动控制器', [
    { name: '手动控制功能', cls: 'A', method: '在手动控制盘上逐一启动受控设备', req: '受控设备应动作，动作信号应反馈至联动控制器', std: GB50166, conf: 'M', classBy: GB50166_CLASSES },
    { name: '自动控制功能', cls: 'A', method: '联动控制器置于自动状态，按联动逻辑模拟触发信号', req: '联动控制器应按设定逻辑发出控制信号，受控设备动作并反馈', std: GB50166, conf: 'M', classBy: GB50166_CLASSES },
    { name: '输入、输出模块功能', cls: 'A', method: '逐一触发输入模块，经输出模块控制设备', req: '模块应正确接收信号、输出控制，动作指示灯点亮', std: GB50166, conf: 'M', classBy: GB50166_CLASSES, note: '控制模块手动、自动控制功能见 GB 25201-2010 附录 检测记录表' },
    { name: '故障报警功能', cls: 'C', method: '断开任一模块连线，用秒表计时', req: '联动控制器应在100s内发出故障声、光信号，并显示故障部位', std: GB50166, conf: 'M', classBy: GB50166_CLASSES, measured: seconds('故障报警时间', 100) },
    { name: '主、备电源自动转换功能', cls: 'C', method: '切断联动控制器主电源，再恢复', req: '主电源断电后应自动转入备用电源工作，主电源恢复后应自动转回', std: GB50166, conf: 'M', classBy: GB50166_CLASSES },
    { name: '疏散通道门禁释放', cls: 'A', method: '模拟火灾确认', req: '消防联动控制器应能打开疏散通道上由门禁系统控制的门和庭院电动大门，并能打开停车场出入口挡杆', std: GB50116, clause: '4.10.4', conf: 'M', classBy: GB50166_CLASSES },
  ]],
], ALARM_RULE);

/* ----------------------------------------------------------------------------------------------
 * A.17 消防供配电设施
 * -------------------------------------------------------------------------------------------- */

const A17 = single('A.17', '消防供配电设施', ['消防供电配电'], [
  ['消防配电柜（箱）', [
    { name: '主、备电源自动切换', cls: 'A', method: '在最末一级配电箱处切断主电源，再恢复', req: '应能自动切换至备用电源并恢复，切换过程中消防用电设备应能正常工作', std: GB50016, clause: '10.1.8', conf: 'M', note: '主、备电切换功能见 GB 25201-2010 附录 检测记录表' },
    { name: '主、备电源供电能力', cls: 'B', method: '消防用电设备满负荷运行时分别由主、备电源供电', req: '主、备电源均应能满足消防用电设备满负荷运行要求', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
    { name: '配电箱独立设置及标志', cls: 'C', method: '观察', req: '按一、二级负荷供电的消防设备，其配电箱应独立设置；消防配电设备应设置明显标志', std: GB50016, clause: '10.1.9', conf: 'M' },
  ]],
  ['自备发电机组', [
    { name: '自动启动及供电时间', cls: 'A', method: '切断市电，用秒表记录自动启动至供电的时间', req: '发电机组应能自动启动并达到额定转速，在30s内供电', std: XF503, clause: '4.2', conf: 'H', measured: seconds('自动启动至供电时间', 30), note: '同见 GB 50016 10.1.4' },
    { name: '手动启动功能', cls: 'B', method: '手动启动发电机组', req: '自备发电设备应设置手动启动装置，手动启动正常', std: GB50016, clause: '10.1.4', conf: 'M' },
    { name: '启动电源充、放电功能', cls: 'C', method: '查看启动蓄电池充电器及电压', req: '启动电源应能正常充、放电，电压符合要求', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
    { name: '储油量', cls: 'C', method: '核对储油量并按额定耗油量折算运行时间', req: '储油量应满足发电机组3h～8h运行需要', std: XF503, clause: '4.2', conf: 'H', measured: { quantity: '储油可运行时间', unit: 'h', min: 3, max: 8 } },
  ]],
  ['消防应急电源（EPS）', [
    { name: '主电、应急转换', cls: 'B', method: '切断应急电源主电输入', req: '应急电源应自动转入应急输出，主电恢复后自动转回', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
    { name: '充、放电功能', cls: 'C', method: '查看充电指示，应急输出状态下观察', req: '应急电源应能正常充、放电', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
  ]],
  ['联动与线路', [
    { name: '非消防电源联动切断', cls: 'A', method: '模拟火灾确认，观察相关区域非消防电源', req: '消防联动控制器应具有切断火灾区域及相关区域非消防电源的功能', std: GB50116, clause: '4.10.1', conf: 'M' },
    { name: '消防配电线路保护', cls: 'C', method: '观察明敷、暗敷线路的保护措施', req: '消防配电线路应满足火灾时连续供电的需要，明敷时应穿金属导管或采用封闭式金属槽盒保护', std: GB50016, clause: '10.1.10', conf: 'M' },
  ]],
]);

/* ----------------------------------------------------------------------------------------------
 * A.18 机械加压送风系统
 * -------------------------------------------------------------------------------------------- */

const A18 = single('A.18', '机械加压送风系统', ['机械加压送风系统'], [
  ['加压送风机', [
    { name: '现场手动启停', cls: 'B', method: '在风机控制箱上手动启动、停止', req: '加压送风机应能现场手动启动，运行正常', std: GB51251, clause: '5.1.2', conf: 'M' },
    { name: '消防控制室手动直接启停', cls: 'A', method: '在消防控制室手动控制盘上操作', req: '防烟风机的启动、停止按钮应采用专用线路直接连接至手动控制盘，并能直接手动控制启停', std: GB50116, clause: '4.5.3', conf: 'M' },
    { name: '动作信号反馈', cls: 'C', method: '风机启动后观察消防联动控制器', req: '加压送风机启动、停止的动作信号应反馈至消防联动控制器', std: GB50116, clause: '4.5.4', conf: 'M' },
  ]],
  ['加压送风口', [
    { name: '送风口手动、自动开启', cls: 'B', method: '现场手动开启、联动开启常闭送风口', req: '常闭加压送风口应能手动和联动开启，并能复位', std: GB51251, clause: '5.1', conf: 'M' },
    { name: '送风口开启联动风机', cls: 'B', method: '开启系统中任一常闭加压送风口', req: '加压送风机应能自动启动', std: GB51251, clause: '5.1.2', conf: 'M' },
    { name: '送风口风速', cls: 'C', method: '系统运行时用风速仪测量送风口风速', req: '送风口的风速不宜大于7m/s', std: GB51251, clause: '3.3.6', conf: 'M', measured: { quantity: '送风口风速', unit: 'm/s', max: 7 } },
  ]],
  ['系统联动与性能', [
    { name: '火灾时联动开启', cls: 'A', method: '模拟防火分区内火灾确认，用秒表计时', req: '火灾确认后应在15s内联动开启该防火分区楼梯间的全部加压送风机，以及着火层及其相邻上下层前室的常闭送风口和加压送风机', std: GB51251, clause: '5.1.3', conf: 'M', measured: seconds('联动开启时间', 15) },
    { name: '楼梯间余压', cls: 'B', method: '系统运行、门关闭时用微压计测量楼梯间与走道之间压差', req: '楼梯间与走道之间的压差应为40Pa～50Pa', std: GB51251, clause: '3.4.4', conf: 'M', measured: { quantity: '楼梯间与走道压差', unit: 'Pa', min: 40, max: 50 } },
    { name: '前室余压', cls: 'B', method: '系统运行、门关闭时用微压计测量前室与走道之间压差', req: '前室、封闭避难层（间）与走道之间的压差应为25Pa～30Pa', std: GB51251, clause: '3.4.4', conf: 'M', measured: { quantity: '前室与走道压差', unit: 'Pa', min: 25, max: 30 } },
    { name: '门洞断面风速', cls: 'B', method: '模拟火灾层疏散门开启，用风速仪测量门洞断面平均风速', req: '楼梯间、独立前室只有一个开启门时，门洞断面风速不应小于0.7m/s', std: GB51251, clause: '3.4.6', conf: 'M', measured: { quantity: '门洞断面风速', unit: 'm/s', min: 0.7 } },
    { name: '超压泄压措施', cls: 'C', method: '核对泄压阀或余压控制装置并观察动作', req: '系统余压值超过最大允许压力差时应采取泄压措施', std: GB51251, clause: '3.4.4', conf: 'M' },
  ]],
], SMOKE_CONTROL_RULE);

/* ----------------------------------------------------------------------------------------------
 * A.19 机械排烟系统
 * -------------------------------------------------------------------------------------------- */

const A19 = single('A.19', '机械排烟系统', ['机械排烟系统'], [
  ['排烟风机和补风机', [
    { name: '现场手动启停', cls: 'B', method: '在风机控制箱上手动启动、停止', req: '排烟风机、补风机应能现场手动启动，运行正常', std: GB51251, clause: '5.2.2', conf: 'M' },
    { name: '消防控制室手动直接启停', cls: 'A', method: '在消防控制室手动控制盘上操作', req: '排烟风机的启动、停止按钮应采用专用线路直接连接至手动控制盘，并能直接手动控制启停', std: GB50116, clause: '4.5.3', conf: 'M' },
    { name: '排烟阀（口）开启联动风机', cls: 'A', method: '开启系统中任一排烟阀或排烟口', req: '排烟风机、补风机应能自动启动', std: GB51251, clause: '5.2.2', conf: 'M' },
    { name: '280℃排烟防火阀连锁停机', cls: 'B', method: '手动关闭风机入口处排烟防火阀', req: '排烟防火阀关闭时应连锁关闭排烟风机和补风机', std: GB51251, clause: '5.2.2', conf: 'M' },
    { name: '动作信号反馈', cls: 'C', method: '风机启动后观察消防联动控制器', req: '排烟风机启动、停止的动作信号和排烟防火阀动作信号应反馈至消防联动控制器', std: GB50116, clause: '4.5.4', conf: 'M' },
  ]],
  ['排烟阀（口）、排烟窗和挡烟垂壁', [
    { name: '排烟阀（口）开启与复位', cls: 'B', method: '分别以现场手动、消防控制室手动、联动方式开启，再复位', req: '常闭排烟阀或排烟口应具有火灾自动报警系统自动开启、消防控制室手动开启和现场手动开启功能，开启信号应反馈', std: GB51251, clause: '5.2.4', conf: 'M' },
    { name: '排烟口风速', cls: 'C', method: '系统运行时用风速仪测量排烟口风速', req: '排烟口的风速不宜大于10m/s', std: GB51251, clause: '4.4.12', conf: 'M', measured: { quantity: '排烟口风速', unit: 'm/s', max: 10 } },
    { name: '补风口风速', cls: 'C', method: '系统运行时用风速仪测量机械补风口风速', req: '机械补风口的风速不宜大于10m/s，人员密集场所补风口的风速不宜大于5m/s', std: GB51251, clause: '4.5.6', conf: 'M', measured: { quantity: '机械补风口风速', unit: 'm/s', max: 10 } },
    { name: '自动排烟窗联动开启', cls: 'B', method: '模拟火灾确认，用秒表计时至排烟窗开启完毕', req: '与火灾自动报警系统联动的自动排烟窗应在60s内或小于烟气充满储烟仓时间内开启完毕', std: GB51251, clause: '5.2.6', conf: 'M', measured: seconds('排烟窗开启时间', 60) },
    { name: '活动挡烟垂壁联动', cls: 'B', method: '模拟火灾确认，用秒表计时至挡烟垂壁到位', req: '火灾确认后应在15s内联动相应防烟分区的全部活动挡烟垂壁，60s以内挡烟垂壁应开启到位', std: GB51251, clause: '5.2.5', conf: 'M', measured: seconds('挡烟垂壁到位时间', 60) },
    { name: '排烟防火阀动作性能', cls: 'C', method: '手动关闭并复位排烟防火阀', req: '排烟防火阀应能手动关闭、复位，关闭信号反馈正常', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
  ]],
  ['系统联动与性能', [
    { name: '火灾时联动开启', cls: 'A', method: '模拟防烟分区内火灾确认，用秒表计时', req: '火灾确认后应在15s内联动开启相应防烟分区的全部排烟阀、排烟口、排烟风机和补风设施', std: GB51251, clause: '5.2.3', conf: 'M', measured: seconds('联动开启时间', 15) },
    { name: '关闭无关通风空调', cls: 'B', method: '模拟火灾确认，用秒表计时', req: '火灾确认后应在30s内自动关闭与排烟无关的通风、空调系统', std: GB51251, clause: '5.2.3', conf: 'M', measured: seconds('关闭通风空调时间', 30) },
    { name: '排烟风量', cls: 'B', method: '系统运行时用风速仪测量排烟口风速并计算风量', req: '排烟风量应符合设计要求', std: GB51251, conf: 'M', note: '排烟风量见 GB 25201-2010 附录 检测记录表' },
  ]],
], SMOKE_CONTROL_RULE);

/* ----------------------------------------------------------------------------------------------
 * A.20 气体灭火系统
 * -------------------------------------------------------------------------------------------- */

const A20 = single('A.20', '气体灭火系统', ['气体灭火系统'], [
  ['灭火剂储存装置', [
    { name: '灭火剂储存量', cls: 'B', method: '读取压力表或称重、液位测量', req: '灭火剂储存量和储存压力应符合设计要求', std: GB50263, conf: 'M', note: '核对灭火剂储存量见 GB 25201-2010 附录 检测记录表' },
    { name: '储瓶间环境温度', cls: 'C', method: '用温度计测量储瓶间温度', req: '储存装置设置场所的室内温度应为-10℃～50℃', std: GB50370, clause: '4.1', conf: 'M', measured: { quantity: '储瓶间温度', unit: '℃', min: -10, max: 50 } },
    { name: '检漏装置', cls: 'C', method: '查看称重装置或检漏报警装置', req: '称重或检漏装置应正常工作，灭火剂泄漏时能发出报警', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
    { name: '主、备瓶组切换', cls: 'C', method: '在控制装置上操作主、备瓶组切换', req: '设有备用量的系统应能进行主、备用瓶组切换', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
  ]],
  ['启动装置和选择阀', [
    { name: '驱动装置模拟启动', cls: 'A', method: '拆除驱动装置与容器阀的连接后进行模拟启动试验', req: '驱动装置应正常动作，相应选择阀应开启', std: GB50263, conf: 'M' },
    { name: '选择阀手动启动及标志', cls: 'B', method: '手动操作选择阀，观察标志', req: '选择阀应能手动启动，且设有标明防护区名称的永久性标志', std: GB50370, conf: 'M' },
    { name: '机械应急操作', cls: 'C', method: '核对机械应急操作装置', req: '系统应设置机械应急操作装置，且操作部位有明显标志', std: GB50370, clause: '5.0', conf: 'M' },
  ]],
  ['紧急启停和报警装置', [
    { name: '紧急启动按钮', cls: 'B', method: '在防护区外操作紧急启动按钮（驱动装置已断开）', req: '应能启动灭火控制程序，发出启动信号', std: GB50370, clause: '5.0', conf: 'M' },
    { name: '紧急停止按钮', cls: 'B', method: '在延时阶段操作紧急停止按钮', req: '应能停止灭火控制程序，不发出启动信号', std: GB50370, clause: '5.0', conf: 'M' },
    { name: '手动控制装置设置', cls: 'C', method: '观察、尺量', req: '手动控制装置和手动与自动转换装置应设在防护区疏散出口的门外便于操作的地方，中心点距地面1.5m', std: GB50370, clause: '5.0.4', conf: 'M' },
    { name: '入口声光报警与喷放指示灯', cls: 'C', method: '模拟启动后观察防护区入口', req: '防护区入口处应设火灾声、光报警器和灭火剂喷放指示灯，以及系统的永久性标志牌', std: GB50370, clause: '6.0.2', conf: 'M' },
  ]],
  ['系统联动控制', [
    { name: '自动控制程序', cls: 'A', method: '依次使防护区内两个独立的火灾探测器报警（驱动装置已断开）', req: '首个报警后启动防护区内声光警报器；第二个报警后关闭门窗、停止通风空调、启动延时，延时结束发出启动信号', std: GB50116, clause: '4.4.2', conf: 'M', note: '同见 GB 50370 5.0.4' },
    { name: '延迟喷射时间', cls: 'B', method: '自动控制程序启动后用秒表计时至发出启动信号', req: '自动控制启动方式应有不大于30s的可控延迟喷射', std: GB50370, clause: '5.0.4', conf: 'M', measured: seconds('延迟喷射时间', 30) },
    { name: '动作信号反馈', cls: 'C', method: '模拟启动后观察气体灭火控制器和消防控制室', req: '系统的手动、自动工作状态，启动、喷放信号应反馈至消防联动控制器', std: GB50116, clause: '4.4.5', conf: 'M' },
  ]],
  ['防护区安全设施', [
    { name: '防护区门', cls: 'C', method: '观察并试开', req: '防护区的门应向疏散方向开启，并能自行关闭；用于疏散的门必须能从防护区内打开', std: GB50370, clause: '6.0.3', conf: 'M' },
    { name: '泄压口', cls: 'C', method: '观察', req: '防护区应设置泄压口，七氟丙烷灭火系统的泄压口应位于防护区净高的2/3以上', std: GB50370, clause: '3.2.7', conf: 'M' },
    { name: '通风换气', cls: 'C', method: '启动排风装置，核对风量与防护区容积', req: '地下防护区和无窗或设固定窗扇的地上防护区应设置机械排风装置；通信机房、电子计算机房等场所通风换气次数应不少于每小时5次', std: GB50370, clause: '6.0.4', conf: 'M', measured: { quantity: '通风换气次数', unit: '次/h', min: 5 } },
  ]],
], GAS_RULE);

/* ----------------------------------------------------------------------------------------------
 * A.21 泡沫灭火系统
 * -------------------------------------------------------------------------------------------- */

const A21 = single('A.21', '泡沫灭火系统', ['泡沫灭火系统'], [
  ['泡沫消防泵和泡沫液泵', [
    { name: '手动、自动启动', cls: 'A', method: '分别手动和模拟自动信号启动', req: '泵应能手动和自动启动，运行正常', std: GB50151, conf: 'M', note: '见 GB 25201-2010 附录 检测记录表' },
    { name: '主、备泵切换', cls: 'B', method: '模拟工作泵故障', req: '工作泵故障时备用泵应能投入运行', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
    { name: '信号反馈', cls: 'C', method: '启泵后观察消防控制室', req: '泵的运行、故障信号及相关阀门启闭信号应反馈至消防控制室', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
  ]],
  ['泡沫比例混合装置和泡沫液储罐', [
    { name: '混合比', cls: 'B', method: '喷放试验时取泡沫混合液，用折射仪或导电度仪测定混合比', req: '混合比不应小于所选泡沫液的额定混合比，且不应大于额定值的1.3倍', std: GB50151, conf: 'M', measured: { quantity: '实测混合比与额定混合比之比', unit: '%', min: 100, max: 130 } },
    { name: '泡沫液储量与有效期', cls: 'C', method: '核对液位、泡沫液类型和有效期', req: '泡沫液储量和类型应符合设计要求，并在有效期内', std: GB50151, conf: 'M' },
  ]],
  ['泡沫产生装置', [
    { name: '泡沫消火栓出泡沫', cls: 'B', method: '开启泡沫消火栓', req: '泡沫消火栓应能正常出水、出泡沫', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
    { name: '泡沫产生器、喷头出泡沫', cls: 'B', method: '喷泡沫试验', req: '泡沫产生器、泡沫喷头应能正常发泡，覆盖保护对象', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
  ]],
  ['系统联动控制', [
    { name: '自动启动', cls: 'A', method: '模拟火灾探测报警或启动信号', req: '系统应能自动启动泡沫消防泵并开启相应阀门', std: GB50151, conf: 'M' },
    { name: '泡沫输送时间', cls: 'B', method: '从泡沫消防水泵启动起用秒表计时至泡沫混合液或泡沫到达保护对象', req: '固定式系统自泡沫消防水泵启动至泡沫混合液或泡沫输送到保护对象的时间不应大于5min', std: GB50151, conf: 'M', measured: { quantity: '泡沫输送时间', unit: 'min', max: 5 } },
    { name: '阀门启闭', cls: 'C', method: '操作系统控制阀门', req: '阀门应启闭灵活，状态标识正确', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
  ]],
], FOAM_RULE);

/* ----------------------------------------------------------------------------------------------
 * A.22 干粉灭火系统
 * -------------------------------------------------------------------------------------------- */

const A22 = single('A.22', '干粉灭火系统', ['干粉灭火系统'], [
  ['储存装置', [
    { name: '驱动气瓶压力', cls: 'B', method: '读取驱动气瓶压力表', req: '驱动气体储瓶压力应符合设计要求', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
    { name: '干粉储存量', cls: 'B', method: '称重或核对储存量', req: '干粉储存量应符合设计要求', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
    { name: '储存装置外观与环境', cls: 'C', method: '观察储存装置及设置场所', req: '储存装置外观完好，设置场所的环境温度应符合设计和产品要求', std: GB50347, conf: 'M' },
  ]],
  ['控制与报警', [
    { name: '报警联动', cls: 'A', method: '使防护区内两个独立的火灾探测器报警（驱动装置已断开）', req: '应发出声光报警，关闭开口和通风，延时后发出启动信号', std: GB50347, conf: 'M' },
    { name: '延迟喷射时间', cls: 'B', method: '用秒表计时至发出启动信号', req: '全淹没系统应有不大于30s的可控延迟喷射', std: GB50347, conf: 'M', measured: seconds('延迟喷射时间', 30) },
    { name: '紧急启停', cls: 'B', method: '操作紧急启动、紧急停止按钮（驱动装置已断开）', req: '紧急启动应能启动灭火程序，紧急停止应能在延时阶段停止', std: GB50347, conf: 'M' },
    { name: '机械应急操作', cls: 'C', method: '核对机械应急操作装置', req: '系统应具有机械应急操作功能，操作部位有明显标志', std: GB50347, conf: 'M' },
    { name: '防护区警示装置', cls: 'C', method: '模拟启动后观察', req: '防护区内外应有声光报警器和喷放指示灯，入口设永久性标志', std: GB50347, conf: 'M' },
  ]],
]);

/* ----------------------------------------------------------------------------------------------
 * A.23 灭火器
 * -------------------------------------------------------------------------------------------- */

const A23 = single('A.23', '灭火器', ['灭火器'], [
  ['配置', [
    { name: '类型与火灾种类适应', cls: 'A', method: '核对配置场所火灾种类与灭火器类型', req: '灭火器的类型应与配置场所的火灾种类和危险等级相适应', std: GB50140, conf: 'M' },
    { name: '配置数量与灭火级别', cls: 'A', method: '按计算单元核对灭火器规格、灭火级别和数量', req: '灭火器的规格、灭火级别和配置数量应符合配置设计要求', std: GB50444, conf: 'M' },
    { name: '计算单元灭火器数量', cls: 'B', method: '清点每个计算单元内灭火器数量', req: '一个计算单元内配置的灭火器数量不得少于2具', std: GB50140, clause: '6.1.1', conf: 'M', measured: { quantity: '计算单元灭火器数量', unit: '具', min: 2 } },
    { name: '保护距离', cls: 'B', method: '测量任一点至最近灭火器设置点的距离', req: '灭火器的最大保护距离应符合规定（如A类火灾场所手提式灭火器：严重危险级15m、中危险级20m、轻危险级25m）', std: GB50140, clause: '5.2.1', conf: 'M' },
    { name: '设置位置', cls: 'C', method: '观察', req: '灭火器应设置在位置明显和便于取用的地点，且不得影响安全疏散', std: GB50140, clause: '5.1.1', conf: 'M' },
    { name: '手提式灭火器顶部离地高度', cls: 'C', method: '尺量', req: '设置在挂钩、托架上或灭火器箱内的手提式灭火器，其顶部离地面高度不应大于1.50m', std: GB50140, clause: '5.1.3', conf: 'M', measured: { quantity: '顶部离地面高度', unit: 'm', max: 1.5 } },
    { name: '手提式灭火器底部离地高度', cls: 'C', method: '尺量', req: '底部离地面高度不宜小于0.08m', std: GB50140, clause: '5.1.3', conf: 'M', measured: { quantity: '底部离地面高度', unit: 'm', min: 0.08 } },
  ]],
  ['灭火器本体', [
    { name: '压力指示', cls: 'B', method: '观察压力指示器', req: '储压式灭火器压力指示器指针应在绿区范围内', std: GB50444, conf: 'M', note: '核对压力见 GB 25201-2010 附录 检测记录表' },
    { name: '维修期限', cls: 'B', method: '核对出厂日期和维修标识', req: '灭火器应按规定期限送修：水基型出厂满3年、首次维修后每满1年；干粉、洁净气体、二氧化碳灭火器出厂满5年、首次维修后每满2年', std: XF95, conf: 'M' },
    { name: '报废期限', cls: 'B', method: '核对出厂日期', req: '超过报废期限的灭火器应报废：水基型6年，干粉、洁净气体10年，二氧化碳12年', std: GB50444, conf: 'M' },
    { name: '外观', cls: 'C', method: '观察筒体、铭牌、喷射软管、保险装置', req: '筒体无明显锈蚀、变形，铭牌完整清晰，喷射软管无龟裂，保险销和铅封完好', std: GB50444, conf: 'M' },
    { name: '抽样喷射试验', cls: 'C', method: '对同批次灭火器随机抽取一定数量进行喷射性能试验', req: '抽样灭火器应能正常喷射', std: GB25201, clause: '附录 检测记录表', conf: 'M' },
  ]],
], EXTINGUISHER_RULE);

/* ----------------------------------------------------------------------------------------------
 * A.24 可燃气体探测报警系统 — part of 火灾报警系统 in the manual's maintenance tree.
 * -------------------------------------------------------------------------------------------- */

const A24 = single('A.24', '可燃气体探测报警系统', ['火灾报警系统'], [
  ['可燃气体探测器', [
    { name: '报警功能', cls: 'A', method: '对探测器施加浓度为报警设定值的可燃气体标准样气，用秒表计时', req: '探测器报警确认灯应在30s内点亮并保持，可燃气体报警控制器应发出报警声、光信号并显示部位', std: GB50166, conf: 'M', classBy: GB50166_CLASSES, measured: seconds('报警响应时间', 30) },
    { name: '复位功能', cls: 'C', method: '撤除样气后复位', req: '探测器应恢复正常监视状态', std: GB50166, conf: 'M', classBy: GB50166_CLASSES },
    { name: '安装位置', cls: 'C', method: '核对探测气体密度与安装高度', req: '探测气体密度小于空气密度时探测器应设置在被保护空间的顶部，大于空气密度时应设置在下部', std: GB50116, clause: '8.2.1', conf: 'M', classBy: GB50166_CLASSES },
  ]],
  ['可燃气体报警控制器', [
    { name: '自检功能', cls: 'C', method: '操作自检键', req: '控制器应能对指示灯、显示器和音响器件进行功能检查', std: GB50166, conf: 'M', classBy: GB50166_CLASSES },
    { name: '故障报警功能', cls: 'C', method: '断开控制器与任一探测器之间的连线', req: '控制器应发出故障声、光信号并显示故障部位', std: GB50166, conf: 'M', classBy: GB50166_CLASSES },
    { name: '主、备电源自动转换功能', cls: 'C', method: '切断主电源，再恢复', req: '主电源断电后应自动转入备用电源工作，恢复后自动转回', std: GB50166, conf: 'M', classBy: GB50166_CLASSES },
    { name: '系统独立组成', cls: 'C', method: '核对系统构成', req: '可燃气体探测报警系统应独立组成，可燃气体探测器不应接入火灾报警控制器的探测器回路', std: GB50116, clause: '8.1.2', conf: 'M', classBy: GB50166_CLASSES },
    { name: '报警信息显示', cls: 'C', method: '报警后观察消防控制室', req: '可燃气体报警信号应在消防控制室图形显示装置或起集中控制功能的火灾报警控制器上显示，且与火灾报警信息有区别', std: GB50116, clause: '8.1', conf: 'M', classBy: GB50166_CLASSES },
    { name: '联动控制', cls: 'A', method: '使探测器报警，观察燃气切断阀和排风设备', req: '应按设计联动关闭燃气阀门、启动排风等设备，动作信号反馈', std: GB50116, clause: '8.1', conf: 'M', classBy: GB50166_CLASSES },
  ]],
], ALARM_RULE);

/* ----------------------------------------------------------------------------------------------
 * A.25 探火管灭火装置 — no national design or acceptance standard was available; items follow the
 * product type's working principle and are all marked L.
 * -------------------------------------------------------------------------------------------- */

const TUBE_NOTE = '探火管灭火装置产品标准编号及条文未核实';

const A25 = single('A.25', '探火管灭火装置', ['探火管灭火装置'], [
  ['探火管灭火装置', [
    { name: '储存容器压力', cls: 'B', method: '读取储存容器压力表', req: '储存容器压力应在产品规定的工作压力范围内（压力表指针在绿区）', std: 'XF 1167-2014', conf: 'L', note: TUBE_NOTE },
    { name: '探火管外观与敷设', cls: 'C', method: '观察探火管', req: '探火管应无破损、老化、扭折，敷设和固定牢靠，位于保护对象上方', std: 'XF 1167-2014', conf: 'L', note: TUBE_NOTE },
    { name: '容器阀与管路连接', cls: 'C', method: '观察', req: '容器阀处于工作状态，连接处无泄漏', std: 'XF 1167-2014', conf: 'L', note: TUBE_NOTE },
    { name: '压力监视信号', cls: 'C', method: '查看压力开关或压力监视装置，模拟失压信号', req: '设有压力开关的装置，失压或动作信号应能反馈至报警控制设备', std: 'XF 1167-2014', conf: 'L', note: TUBE_NOTE },
    { name: '标志', cls: 'C', method: '观察', req: '保护对象处应有装置的永久性标志和警示', std: 'XF 1167-2014', conf: 'L', note: TUBE_NOTE },
  ]],
]);

export const testingSingleItems: TestSingleItem[] = [
  A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, A11, A12, A13, A14, A15,
  A16, A17, A18, A19, A20, A21, A22, A23, A24, A25,
];
