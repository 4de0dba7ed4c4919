import ExcelJS from 'exceljs';
import { completeUscc } from '@xf/domain';
import { detachments, findDetachment } from '@xf/domain/reference/index';
import {
  completeIdNumber,
  engineerLevelLabels,
  operatorGradeLabels,
  personPostLabels,
  publicityStatusLabels,
  RegistryFileError,
  registryProjectKindLabels,
  SAFETY_LEVELS,
  serviceTypeLabels,
  validateInspectionRows,
  validateMinistryRows,
  type InspectionSnapshot,
  type MinistrySnapshot,
  type ParseResult,
  type RawRow,
} from './records';

/**
 * Excel exchange with the two registries.
 *
 * Import policy: a file is read as the complete current list of its registry.
 * - A broken row (a value that breaks a rule) is reported with its Excel row number, the column and the
 *   reason, and is skipped; every other row imports. The keys of skipped rows are returned with the
 *   errors so the import never treats them as having left.
 * - A broken file (not an .xlsx workbook, a sheet missing, a column header missing) refuses the whole
 *   import with a RegistryFileError: importing it would make everyone in it look as if they had left.
 */

type Cell = ExcelJS.CellValue;
type Read = { value?: unknown; error?: string };

interface Column<R> {
  /** Path of the value in the record, e.g. `registeredEngineer.level`. */
  path: string;
  header: string;
  required: boolean;
  width: number;
  /** Allowed values and format, for the 说明 sheet. */
  note: string;
  /** Values that Excel would mangle as numbers (long codes) are stored as text. */
  asText?: boolean;
  read: (cell: Cell, header: string) => Read;
  write: (record: R) => string | number | undefined;
}

// ——— Reading cells ———

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'object') {
    if ('richText' in cell)
      return cell.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in cell && typeof cell.text === 'string') return cell.text.trim();
    if ('result' in cell) return cellText(cell.result as Cell);
  }
  return '';
}

const isEmpty = (cell: Cell) => cellText(cell) === '';

const readText: Column<unknown>['read'] = (cell) => ({ value: cellText(cell) });

/** USCC and ID numbers typed as numbers lose digits in Excel; say so instead of "check digit wrong". */
const readCode: Column<unknown>['read'] = (cell, header) =>
  typeof cell === 'number' && !Number.isSafeInteger(cell)
    ? { error: `${header}应以文本格式填写（长数字在Excel中会丢失精度）` }
    : { value: cellText(cell) };

function readLabel<C extends string | number>(labels: Record<C, string>, extra: Record<string, C> = {}) {
  const byLabel = new Map<string, C>();
  for (const [code, label] of Object.entries(labels) as [string, string][]) {
    const value = (/^\d+$/.test(code) ? Number(code) : code) as C;
    byLabel.set(label, value);
    byLabel.set(code, value);
  }
  for (const [label, code] of Object.entries(extra)) byLabel.set(label, code);
  return (cell: Cell, header: string): Read => {
    const v = cellText(cell);
    const code = byLabel.get(v);
    return code === undefined
      ? { error: `${header}“${v}”无效，应为：${Object.values<string>(labels).join('、')}` }
      : { value: code };
  };
}

function readServiceTypes(cell: Cell, header: string): Read {
  const parts = cellText(cell)
    .split(/[/／、,，;；\s]+/)
    .filter(Boolean);
  const one = readLabel(serviceTypeLabels, {
    维护保养检测: 'maintenance_testing',
    维保检测: 'maintenance_testing',
    安全评估: 'safety_assessment',
  });
  const values: unknown[] = [];
  for (const p of parts) {
    const r = one(p, header);
    if (r.error) return r;
    values.push(r.value);
  }
  return { value: values };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Excel dates arrive as Date (UTC midnight of the written day), serial numbers or text in several styles. */
function readDate(cell: Cell, header: string): Read {
  if (cell instanceof Date) return { value: cell.toISOString().slice(0, 10) };
  if (typeof cell === 'number' && cell > 20000 && cell < 80000) {
    return { value: new Date(Math.round((cell - 25569) * 86_400_000)).toISOString().slice(0, 10) };
  }
  const v = cellText(cell);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(v);
  if (!m) return { error: `${header}“${v}”不是日期，格式应为YYYY-MM-DD` };
  return { value: `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}` };
}

function readNumber(cell: Cell, header: string): Read {
  if (typeof cell === 'number') return { value: cell };
  const v = cellText(cell);
  return /^\d+(\.\d+)?$/.test(v) ? { value: Number(v) } : { error: `${header}“${v}”不是数字` };
}

function readDetachment(cell: Cell, header: string): Read {
  const d = findDetachment(cellText(cell));
  return d ? { value: d.code } : { error: `${header}“${cellText(cell)}”不是北京市消防救援总队的支队` };
}

// ——— Sheet layouts ———

type Ministry = MinistrySnapshot;
type Inst = Ministry['institutions'][number];
type Person = Ministry['persons'][number];
type Unit = InspectionSnapshot['socialUnits'][number];
type Project = InspectionSnapshot['registryProjects'][number];

const labelList = (labels: Record<string | number, string>) => Object.values(labels).join('、');

const institutionColumns: Column<Inst>[] = [
  {
    path: 'uscc',
    header: '统一社会信用代码',
    required: true,
    width: 22,
    asText: true,
    note: '18位，校验位正确',
    read: readCode,
    write: (r) => r.uscc,
  },
  {
    path: 'name',
    header: '机构名称',
    required: true,
    width: 32,
    note: '',
    read: readText,
    write: (r) => r.name,
  },
  {
    path: 'registeredAddress',
    header: '工商注册地址',
    required: true,
    width: 40,
    note: '',
    read: readText,
    write: (r) => r.registeredAddress,
  },
  {
    path: 'province',
    header: '省',
    required: true,
    width: 10,
    note: '如：北京市',
    read: readText,
    write: (r) => r.province,
  },
  {
    path: 'city',
    header: '市',
    required: true,
    width: 10,
    note: '直辖市填“市辖区”',
    read: readText,
    write: (r) => r.city,
  },
  {
    path: 'district',
    header: '区',
    required: true,
    width: 10,
    note: '如：朝阳区',
    read: readText,
    write: (r) => r.district,
  },
  {
    path: 'serviceTypes',
    header: '服务类型',
    required: true,
    width: 34,
    note: `${labelList(serviceTypeLabels)}；两种都有时用“/”分隔`,
    read: readServiceTypes,
    write: (r) => r.serviceTypes.map((t) => serviceTypeLabels[t]).join('/'),
  },
  {
    path: 'publicityStatus',
    header: '公示状态',
    required: true,
    width: 10,
    note: labelList(publicityStatusLabels),
    read: readLabel(publicityStatusLabels, { 公示未生效: 'not_effective' }),
    write: (r) => publicityStatusLabels[r.publicityStatus],
  },
  {
    path: 'legalRepresentative',
    header: '法定代表人',
    required: false,
    width: 12,
    note: '',
    read: readText,
    write: (r) => r.legalRepresentative,
  },
  {
    path: 'premisesArea',
    header: '经营场所面积（平方米）',
    required: false,
    width: 14,
    note: '数字',
    read: readNumber,
    write: (r) => r.premisesArea,
  },
];

const personColumns: Column<Person>[] = [
  {
    path: 'idNumber',
    header: '身份证号',
    required: true,
    width: 22,
    asText: true,
    note: '18位居民身份证号码，校验位正确',
    read: readCode,
    write: (r) => r.idNumber,
  },
  { path: 'name', header: '姓名', required: true, width: 10, note: '', read: readText, write: (r) => r.name },
  {
    path: 'institutionUscc',
    header: '所属机构统一社会信用代码',
    required: true,
    width: 22,
    asText: true,
    note: '必须是“机构”表中的机构',
    read: readCode,
    write: (r) => r.institutionUscc,
  },
  {
    path: 'post',
    header: '岗位',
    required: true,
    width: 12,
    note: `${labelList(personPostLabels)}；每个机构只能有1名技术负责人`,
    read: readLabel(personPostLabels, { 现场维保检测人员: 'operator' }),
    write: (r) => personPostLabels[r.post],
  },
  {
    path: 'mobile',
    header: '手机号码',
    required: false,
    width: 14,
    asText: true,
    note: '11位手机号',
    read: readText,
    write: (r) => r.mobile,
  },
  {
    path: 'registeredEngineer.level',
    header: '注册级别',
    required: false,
    width: 10,
    note: `注册消防工程师填写：${labelList(engineerLevelLabels)}；注册级别、注册号、注册有效期起止四项要么都填，要么都不填`,
    read: readLabel(engineerLevelLabels),
    write: (r) => (r.registeredEngineer ? engineerLevelLabels[r.registeredEngineer.level] : undefined),
  },
  {
    path: 'registeredEngineer.registrationNumber',
    header: '注册号',
    required: false,
    width: 14,
    asText: true,
    note: '',
    read: readText,
    write: (r) => r.registeredEngineer?.registrationNumber,
  },
  {
    path: 'registeredEngineer.validFrom',
    header: '注册有效期起',
    required: false,
    width: 14,
    note: 'YYYY-MM-DD',
    read: readDate,
    write: (r) => r.registeredEngineer?.validFrom,
  },
  {
    path: 'registeredEngineer.validTo',
    header: '注册有效期止',
    required: false,
    width: 14,
    note: 'YYYY-MM-DD，当天仍有效',
    read: readDate,
    write: (r) => r.registeredEngineer?.validTo,
  },
  {
    path: 'operatorCertificate.number',
    header: '操作员证书编号',
    required: false,
    width: 20,
    asText: true,
    note: '持消防设施操作员证书的人员填写；证书编号和等级要么都填，要么都不填',
    read: readText,
    write: (r) => r.operatorCertificate?.number,
  },
  {
    path: 'operatorCertificate.grade',
    header: '操作员证书等级',
    required: false,
    width: 14,
    note: labelList(operatorGradeLabels),
    read: readLabel(operatorGradeLabels),
    write: (r) => (r.operatorCertificate ? operatorGradeLabels[r.operatorCertificate.grade] : undefined),
  },
  {
    path: 'operatorCertificate.validTo',
    header: '操作员证书有效期至',
    required: false,
    width: 16,
    note: 'YYYY-MM-DD；长期有效的不填',
    read: readDate,
    write: (r) => r.operatorCertificate?.validTo,
  },
];

const socialUnitColumns: Column<Unit>[] = [
  {
    path: 'uscc',
    header: '统一社会信用代码',
    required: true,
    width: 22,
    asText: true,
    note: '18位，校验位正确；民办非企业没有代码时填NULL',
    read: readCode,
    write: (r) => r.uscc,
  },
  {
    path: 'name',
    header: '单位名称',
    required: true,
    width: 32,
    note: '',
    read: readText,
    write: (r) => r.name,
  },
  {
    path: 'address',
    header: '地址',
    required: true,
    width: 40,
    note: '',
    read: readText,
    write: (r) => r.address,
  },
  {
    path: 'district',
    header: '所属区',
    required: true,
    width: 10,
    note: '如：东城区',
    read: readText,
    write: (r) => r.district,
  },
  {
    path: 'safetyLevel',
    header: '消防安全等级标注',
    required: true,
    width: 18,
    note: SAFETY_LEVELS.join('、'),
    read: readText,
    write: (r) => r.safetyLevel,
  },
  {
    path: 'detachmentCode',
    header: '管辖支队',
    required: true,
    width: 22,
    note: detachments.map((d) => d.name).join('、'),
    read: readDetachment,
    write: (r) => findDetachment(r.detachmentCode)?.name ?? r.detachmentCode,
  },
  {
    path: 'unitType',
    header: '单位类型',
    required: true,
    width: 14,
    note: '如：商场市场、宾馆饭店、医院',
    read: readText,
    write: (r) => r.unitType,
  },
];

const registryProjectColumns: Column<Project>[] = [
  {
    path: 'externalId',
    header: '项目编号',
    required: true,
    width: 16,
    asText: true,
    note: '双随机系统中的项目编号，不可重复',
    read: readCode,
    write: (r) => r.externalId,
  },
  {
    path: 'kind',
    header: '项目类型',
    required: true,
    width: 10,
    note: labelList(registryProjectKindLabels),
    read: readLabel(registryProjectKindLabels, { 维保项目: 'maintenance', 检测项目: 'testing' }),
    write: (r) => registryProjectKindLabels[r.kind],
  },
  {
    path: 'institutionUscc',
    header: '机构统一社会信用代码',
    required: true,
    width: 22,
    asText: true,
    note: '承担项目的技术服务机构',
    read: readCode,
    write: (r) => r.institutionUscc,
  },
  {
    path: 'socialUnitUscc',
    header: '社会单位统一社会信用代码',
    required: true,
    width: 22,
    asText: true,
    note: '没有代码时填NULL',
    read: readCode,
    write: (r) => r.socialUnitUscc,
  },
  {
    path: 'socialUnitName',
    header: '社会单位名称',
    required: true,
    width: 32,
    note: '',
    read: readText,
    write: (r) => r.socialUnitName,
  },
  {
    path: 'startDate',
    header: '开始日期',
    required: true,
    width: 14,
    note: 'YYYY-MM-DD',
    read: readDate,
    write: (r) => r.startDate,
  },
  {
    path: 'endDate',
    header: '结束日期',
    required: true,
    width: 14,
    note: 'YYYY-MM-DD，不早于开始日期',
    read: readDate,
    write: (r) => r.endDate,
  },
];

interface SheetLayout<R> {
  name: string;
  columns: Column<R>[];
}

const MINISTRY_SHEETS = {
  institutions: { name: '机构', columns: institutionColumns },
  persons: { name: '人员', columns: personColumns },
};
const INSPECTION_SHEETS = {
  socialUnits: { name: '社会单位', columns: socialUnitColumns },
  registryProjects: { name: '双随机项目', columns: registryProjectColumns },
};

// ——— Writing ———

function addDataSheet<R>(wb: ExcelJS.Workbook, layout: SheetLayout<R>, records: readonly R[]) {
  const ws = wb.addWorksheet(layout.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = layout.columns.map((c) => ({
    header: c.header,
    key: c.path,
    width: c.width,
    ...(c.asText ? { style: { numFmt: '@' } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of records) ws.addRow(layout.columns.map((c) => c.write(r) ?? null));
}

function addNotesSheet(wb: ExcelJS.Workbook, intro: string[], layouts: SheetLayout<never>[]) {
  const ws = wb.addWorksheet('说明');
  ws.columns = [{ width: 14 }, { width: 26 }, { width: 10 }, { width: 90 }];
  for (const line of intro) ws.addRow([line]);
  ws.addRow([]);
  const head = ws.addRow(['工作表', '列名', '是否必填', '说明及允许的值']);
  head.font = { bold: true };
  for (const l of layouts)
    for (const c of l.columns) ws.addRow([l.name, c.header, c.required ? '必填' : '选填', c.note]);
}

const POLICY_LINES = [
  '每次导入的文件视为登记系统的完整名单：文件中没有的记录视为已离开（有错误被跳过的行除外）。',
  '逐行校验：有错误的行会列出Excel行号、列名和原因并跳过，其余行照常导入。',
  '缺少工作表或列标题时，整个文件不导入。请勿修改工作表名称和第1行的列标题。',
  '统一社会信用代码、身份证号、注册号、证书编号请以文本格式填写，避免Excel把长数字改成科学计数法。',
];

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeMinistryWorkbook(snapshot: MinistrySnapshot): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  addDataSheet(wb, MINISTRY_SHEETS.institutions, snapshot.institutions);
  addDataSheet(wb, MINISTRY_SHEETS.persons, snapshot.persons);
  addNotesSheet(wb, ['部局社会消防技术服务信息系统 机构和人员导入说明', ...POLICY_LINES], [
    MINISTRY_SHEETS.institutions,
    MINISTRY_SHEETS.persons,
  ] as SheetLayout<never>[]);
  return toBuffer(wb);
}

export async function writeInspectionWorkbook(snapshot: InspectionSnapshot): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  addDataSheet(wb, INSPECTION_SHEETS.socialUnits, snapshot.socialUnits);
  addDataSheet(wb, INSPECTION_SHEETS.registryProjects, snapshot.registryProjects);
  addNotesSheet(wb, ['消防“双随机、一公开”监督检查系统 社会单位和双随机项目导入说明', ...POLICY_LINES], [
    INSPECTION_SHEETS.socialUnits,
    INSPECTION_SHEETS.registryProjects,
  ] as SheetLayout<never>[]);
  return toBuffer(wb);
}

const EXAMPLE_INSTITUTION_USCC = completeUscc('91110105MA01EXAMP');

export function buildMinistryTemplate(): Promise<Buffer> {
  return writeMinistryWorkbook({
    institutions: [
      {
        uscc: EXAMPLE_INSTITUTION_USCC,
        name: '北京示例消防技术服务有限公司',
        registeredAddress: '北京市朝阳区示例路1号院2号楼3层301',
        province: '北京市',
        city: '市辖区',
        district: '朝阳区',
        serviceTypes: ['maintenance_testing', 'safety_assessment'],
        publicityStatus: 'effective',
        legalRepresentative: '张示例',
        premisesArea: 260,
      },
    ],
    persons: [
      {
        idNumber: completeIdNumber('11010519850101001'),
        name: '李示例',
        institutionUscc: EXAMPLE_INSTITUTION_USCC,
        post: 'technical_lead',
        mobile: '13800138000',
        registeredEngineer: {
          level: 1,
          registrationNumber: '110000001',
          validFrom: '2024-01-01',
          validTo: '2027-01-01',
        },
        operatorCertificate: undefined,
      },
    ],
  });
}

export function buildInspectionTemplate(): Promise<Buffer> {
  const unitUscc = completeUscc('91110101MA00DWQ01');
  return writeInspectionWorkbook({
    socialUnits: [
      {
        uscc: unitUscc,
        name: '北京示例商厦有限公司',
        address: '北京市东城区示例大街10号',
        district: '东城区',
        safetyLevel: '消防安全重点单位',
        detachmentCode: 'dongcheng',
        unitType: '商场市场',
      },
    ],
    registryProjects: [
      {
        externalId: 'SSJ2024000001',
        kind: 'maintenance',
        institutionUscc: EXAMPLE_INSTITUTION_USCC,
        socialUnitUscc: unitUscc,
        socialUnitName: '北京示例商厦有限公司',
        startDate: '2024-01-01',
        endDate: '2024-12-31',
      },
    ],
  });
}

// ——— Parsing ———

async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new RegistryFileError('无法读取文件，请上传Excel（.xlsx）格式的文件');
  }
  return wb;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let obj = target;
  for (const p of parts.slice(0, -1)) obj = (obj[p] ??= {}) as Record<string, unknown>;
  obj[parts.at(-1)!] = value;
}

function readSheet<R>(wb: ExcelJS.Workbook, layout: SheetLayout<R>): RawRow[] {
  const ws = wb.getWorksheet(layout.name);
  if (!ws) throw new RegistryFileError(`文件缺少“${layout.name}”工作表，请使用系统提供的模板`);
  const headerIndex = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => headerIndex.set(cellText(cell.value).replace(/^\*/, ''), col));
  const missing = layout.columns.filter((c) => !headerIndex.has(c.header)).map((c) => c.header);
  if (missing.length > 0) {
    throw new RegistryFileError(`“${layout.name}”工作表缺少列：${missing.join('、')}，请使用系统提供的模板`);
  }
  const cols = layout.columns.map((c) => ({ c, index: headerIndex.get(c.header)! }));
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    // row.values is one sparse array, 1-based; much cheaper than a getCell per column on large files
    const values = row.values as Cell[];
    const cells = cols.map(({ c, index }) => ({ c, value: values[index] ?? null }));
    if (cells.every(({ value }) => isEmpty(value))) return;
    const data: Record<string, unknown> = {};
    const preErrors: { field: string; reason: string }[] = [];
    for (const { c, value } of cells) {
      if (isEmpty(value)) continue;
      const r = c.read(value, c.header);
      if (r.error) preErrors.push({ field: c.header, reason: r.error });
      else setPath(data, c.path, r.value);
    }
    rows.push({ sheet: layout.name, row: rowNumber, data, preErrors });
  });
  return rows;
}

/** Names a schema path by its column header: `serviceTypes.0` → 服务类型. */
function headerNamer<R>(layout: SheetLayout<R>) {
  const byPath = new Map(layout.columns.map((c) => [c.path, c.header]));
  return (path: string) => {
    const clean = path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .join('.');
    return byPath.get(clean) ?? byPath.get(`${clean}.number`) ?? byPath.get(`${clean}.level`) ?? clean;
  };
}

export async function parseMinistryWorkbook(buf: Buffer): Promise<ParseResult<MinistrySnapshot>> {
  const wb = await loadWorkbook(buf);
  const institutionRows = readSheet(wb, MINISTRY_SHEETS.institutions);
  const personRows = readSheet(wb, MINISTRY_SHEETS.persons);
  return validateMinistryRows(institutionRows, personRows, {
    institution: headerNamer(MINISTRY_SHEETS.institutions),
    person: headerNamer(MINISTRY_SHEETS.persons),
  });
}

export async function parseInspectionWorkbook(buf: Buffer): Promise<ParseResult<InspectionSnapshot>> {
  const wb = await loadWorkbook(buf);
  const unitRows = readSheet(wb, INSPECTION_SHEETS.socialUnits);
  const projectRows = readSheet(wb, INSPECTION_SHEETS.registryProjects);
  return validateInspectionRows(unitRows, projectRows, {
    socialUnit: headerNamer(INSPECTION_SHEETS.socialUnits),
    registryProject: headerNamer(INSPECTION_SHEETS.registryProjects),
  });
}
