import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { brokenKeysOf, RegistryFileError } from '@xf/domain/registries/records';
import {
  buildInspectionTemplate,
  buildMinistryTemplate,
  parseInspectionWorkbook,
  parseMinistryWorkbook,
  writeInspectionWorkbook,
  writeMinistryWorkbook,
} from '../../src/registries/workbook';
import { id, inspectionSnapshot, ministrySnapshot, USCC_A } from './fixtures';

async function load(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}
async function save(wb: ExcelJS.Workbook) {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
/** Edit a generated workbook like a user would in Excel. */
async function edit(buf: Buffer, change: (wb: ExcelJS.Workbook) => void) {
  const wb = await load(buf);
  change(wb);
  return save(wb);
}
const col = (ws: ExcelJS.Worksheet, header: string) => {
  let index = 0;
  ws.getRow(1).eachCell((c, i) => {
    if (c.value === header) index = i;
  });
  if (!index) throw new Error(`no column ${header}`);
  return index;
};
const setCell = (
  wb: ExcelJS.Workbook,
  sheet: string,
  row: number,
  header: string,
  value: ExcelJS.CellValue,
) => {
  const ws = wb.getWorksheet(sheet)!;
  ws.getRow(row).getCell(col(ws, header)).value = value;
};

describe('ministry templates', () => {
  it('has the sheets 机构, 人员 and 说明 with Chinese headers, and its example rows import cleanly', async () => {
    const buf = await buildMinistryTemplate();
    const wb = await load(buf);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['机构', '人员', '说明']);
    expect(wb.getWorksheet('人员')!.getRow(1).getCell(1).value).toBe('身份证号');
    const notes: string[] = [];
    wb.getWorksheet('说明')!.eachRow((r) => notes.push(r.values!.toString()));
    expect(notes.join('\n')).toContain('技术负责人、项目负责人、操作员、其他');
    expect(notes.join('\n')).toContain('初级、中级、高级、技师、高级技师');
    const r = await parseMinistryWorkbook(buf);
    expect(r.rowErrors).toEqual([]);
    expect(r.snapshot.institutions).toHaveLength(1);
    expect(r.snapshot.persons[0]!.post).toBe('technical_lead');
  });

  it('round-trips a snapshot through a workbook unchanged', async () => {
    const snap = ministrySnapshot();
    const r = await parseMinistryWorkbook(await writeMinistryWorkbook(snap));
    expect(r.rowErrors).toEqual([]);
    expect(r.snapshot).toEqual(snap);
  });
});

describe('ministry workbook: broken rows are reported and skipped, the rest imports', () => {
  it('reports row number, column and reason for each broken row', async () => {
    const snap = ministrySnapshot();
    const wrongId = id(1).slice(0, 17) + (id(1)[17] === '1' ? '2' : '1');
    const buf = await edit(await writeMinistryWorkbook(snap), (wb) => {
      setCell(wb, '人员', 2, '身份证号', wrongId);
      setCell(wb, '人员', 3, '注册有效期起', '2024-13-01'); // half an engineer registration, with a bad date
      setCell(wb, '人员', 4, '岗位', '部门经理');
      setCell(wb, '机构', 3, '公示状态', '已公示');
    });
    const r = await parseMinistryWorkbook(buf);
    expect(r.rowErrors.map(({ sheet, row, field }) => [sheet, row, field])).toEqual([
      ['机构', 3, '公示状态'],
      ['人员', 2, '身份证号'],
      ['人员', 3, '注册级别'],
      ['人员', 3, '注册号'],
      ['人员', 3, '注册有效期起'],
      ['人员', 3, '注册有效期止'],
      ['人员', 4, '岗位'],
      ['人员', 5, '所属机构统一社会信用代码'],
    ]);
    expect(r.rowErrors[0]!.reason).toBe('公示状态“已公示”无效，应为：公示生效、未生效');
    expect(r.rowErrors[1]!.reason).toBe('身份证号应为18位，出生日期有效且校验位正确');
    expect(r.rowErrors[2]!.reason).toBe('注册级别不能为空');
    expect(r.rowErrors[4]!.reason).toBe('注册有效期起应为有效日期，格式YYYY-MM-DD');
    expect(r.rowErrors[5]!.reason).toBe('注册有效期止不能为空');
    expect(r.rowErrors[6]!.reason).toBe('岗位“部门经理”无效，应为：技术负责人、项目负责人、操作员、其他');
    expect(r.rowErrors[7]!.reason).toBe('所属机构的行有错误未导入，本行一并未导入');
    expect(r.snapshot.institutions.map((i) => i.uscc)).toEqual([USCC_A]);
    expect(r.snapshot.persons).toEqual([]);
    // keys of readable broken rows are returned so the import does not report them as left
    // (a mistyped key can only be returned as typed)
    expect(brokenKeysOf(r.rowErrors)).toEqual(
      new Set([snap.institutions[1]!.uscc, wrongId, id(2), id(3), id(4)]),
    );
  });

  it('imports the good rows around a broken one', async () => {
    const buf = await edit(await writeMinistryWorkbook(ministrySnapshot()), (wb) => {
      setCell(wb, '人员', 3, '操作员证书等级', '五级');
    });
    const r = await parseMinistryWorkbook(buf);
    expect(r.rowErrors).toEqual([
      {
        sheet: '人员',
        row: 3,
        field: '操作员证书等级',
        reason: '操作员证书等级“五级”无效，应为：初级、中级、高级、技师、高级技师',
        key: id(2),
      },
    ]);
    expect(r.snapshot.institutions).toHaveLength(2);
    expect(r.snapshot.persons.map((p) => p.idNumber)).toEqual([id(1), id(3), id(4)]);
  });

  it('explains an ID number typed as a number, which Excel cannot keep exactly', async () => {
    const buf = await edit(await writeMinistryWorkbook(ministrySnapshot()), (wb) => {
      setCell(wb, '人员', 2, '身份证号', Number('110105198501010010')); // what Excel stores when the ID is typed as a number
    });
    const r = await parseMinistryWorkbook(buf);
    expect(r.rowErrors[0]).toMatchObject({
      row: 2,
      field: '身份证号',
      reason: '身份证号应以文本格式填写（长数字在Excel中会丢失精度）',
    });
  });

  it('accepts dates as Excel dates and as 年月日 text, and service types in several spellings', async () => {
    const buf = await edit(await writeMinistryWorkbook(ministrySnapshot()), (wb) => {
      setCell(wb, '人员', 2, '注册有效期起', new Date(Date.UTC(2023, 0, 2)));
      setCell(wb, '人员', 2, '注册有效期止', '2026年1月5日');
      setCell(wb, '机构', 2, '服务类型', '消防安全评估、消防设施维护保养检测');
      setCell(wb, '机构', 2, '经营场所面积（平方米）', '320');
    });
    const r = await parseMinistryWorkbook(buf);
    expect(r.rowErrors).toEqual([]);
    expect(r.snapshot.persons[0]!.registeredEngineer).toMatchObject({
      validFrom: '2023-01-02',
      validTo: '2026-01-05',
    });
    expect(r.snapshot.institutions[0]).toMatchObject({
      serviceTypes: ['maintenance_testing', 'safety_assessment'],
      premisesArea: 320,
    });
  });

  it('reports a person listed twice, naming both institutions, and skips empty rows', async () => {
    const snap = ministrySnapshot();
    snap.persons.push({ ...snap.persons[3]!, institutionUscc: USCC_A });
    const buf = await edit(await writeMinistryWorkbook(snap), (wb) => {
      wb.getWorksheet('人员')!.insertRow(3, []);
    });
    const r = await parseMinistryWorkbook(buf);
    expect(r.rowErrors).toHaveLength(1);
    expect(r.rowErrors[0]).toMatchObject({ sheet: '人员', row: 7, field: '身份证号' });
    expect(r.rowErrors[0]!.reason).toBe(
      `与人员第6行重复（同一人员登记在两个机构：${snap.institutions[1]!.uscc}、${USCC_A}），本行未导入`,
    );
    expect(r.snapshot.persons).toHaveLength(4);
  });
});

describe('ministry workbook: a broken file refuses the whole import', () => {
  it('refuses a workbook without the 人员 sheet', async () => {
    const buf = await edit(await buildMinistryTemplate(), (wb) =>
      wb.removeWorksheet(wb.getWorksheet('人员')!.id),
    );
    await expect(parseMinistryWorkbook(buf)).rejects.toThrow(
      new RegistryFileError('文件缺少“人员”工作表，请使用系统提供的模板'),
    );
  });

  it('refuses a sheet whose header lost columns, naming them', async () => {
    const buf = await edit(await buildMinistryTemplate(), (wb) => {
      const ws = wb.getWorksheet('人员')!;
      ws.getRow(1).getCell(col(ws, '岗位')).value = '职务';
      ws.getRow(1).getCell(col(ws, '注册号')).value = null;
    });
    const err = await parseMinistryWorkbook(buf).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryFileError);
    expect((err as Error).message).toBe('“人员”工作表缺少列：岗位、注册号，请使用系统提供的模板');
  });

  it('refuses a file that is not a workbook', async () => {
    await expect(parseMinistryWorkbook(Buffer.from('姓名,身份证号\n'))).rejects.toThrow(
      '无法读取文件，请上传Excel（.xlsx）格式的文件',
    );
  });
});

describe('inspection workbook', () => {
  it('template has 社会单位, 双随机项目 and 说明, and imports cleanly', async () => {
    const buf = await buildInspectionTemplate();
    expect((await load(buf)).worksheets.map((w) => w.name)).toEqual(['社会单位', '双随机项目', '说明']);
    const r = await parseInspectionWorkbook(buf);
    expect(r.rowErrors).toEqual([]);
    expect(r.snapshot.socialUnits[0]!.detachmentCode).toBe('dongcheng');
    expect(r.snapshot.registryProjects[0]!.kind).toBe('maintenance');
  });

  it('round-trips a snapshot, writing detachments by name and accepting NULL codes', async () => {
    const snap = inspectionSnapshot();
    const buf = await writeInspectionWorkbook(snap);
    const ws = (await load(buf)).getWorksheet('社会单位')!;
    expect(ws.getRow(4).getCell(col(ws, '管辖支队')).value).toBe('轨道交通支队');
    const r = await parseInspectionWorkbook(buf);
    expect(r.rowErrors).toEqual([]);
    expect(r.snapshot).toEqual(snap);
  });

  it('reports unknown detachments, bad levels and reversed dates, and imports the rest', async () => {
    const buf = await edit(await writeInspectionWorkbook(inspectionSnapshot()), (wb) => {
      setCell(wb, '社会单位', 2, '管辖支队', '海淀区支队');
      setCell(wb, '社会单位', 3, '消防安全等级标注', '重点');
      setCell(wb, '双随机项目', 3, '结束日期', '2024-02-01');
    });
    const r = await parseInspectionWorkbook(buf);
    expect(r.rowErrors.map((e) => [e.sheet, e.row, e.field, e.reason])).toEqual([
      ['社会单位', 2, '管辖支队', '管辖支队“海淀区支队”不是北京市消防救援总队的支队'],
      [
        '社会单位',
        3,
        '消防安全等级标注',
        '消防安全等级标注应为：火灾高危单位、消防安全重点单位、一般单位、九小场所',
      ],
      ['双随机项目', 3, '结束日期', '结束日期不能早于开始日期'],
    ]);
    expect(brokenKeysOf(r.rowErrors)).toEqual(
      new Set([inspectionSnapshot().socialUnits[0]!.uscc, 'NULL:朝阳区测试养老服务中心', 'JC0001']),
    );
    expect(r.snapshot.socialUnits).toHaveLength(1);
    expect(r.snapshot.registryProjects.map((p) => p.externalId)).toEqual(['WB0001']);
  });

  it('refuses a workbook without the 双随机项目 sheet', async () => {
    const buf = await edit(await buildInspectionTemplate(), (wb) =>
      wb.removeWorksheet(wb.getWorksheet('双随机项目')!.id),
    );
    await expect(parseInspectionWorkbook(buf)).rejects.toBeInstanceOf(RegistryFileError);
  });
});
