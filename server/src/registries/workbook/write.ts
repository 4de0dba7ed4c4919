import ExcelJS from 'exceljs';
import { completeUscc } from '@xf/domain';
import {
  completeIdNumber,
  type InspectionSnapshot,
  type MinistrySnapshot,
} from '@xf/domain/registries/records';
import { INSPECTION_SHEETS, MINISTRY_SHEETS, type SheetLayout } from './sheets';

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
