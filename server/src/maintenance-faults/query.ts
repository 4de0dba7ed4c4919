import { addMonths, firstDayOfMonth, type MaintenanceFaultView, type MonthString } from '@xf/domain';
import { Op } from 'sequelize';
import { MaintenanceFault } from './models';
import { presentFaults } from './present';

/** The instant a Beijing calendar date begins (UTC+8). */
const beijingStart = (date: string) => new Date(`${date}T00:00:00+08:00`);

/**
 * Faults of a project open at an instant: found at or before it and not 已解决 by then. Each comes with its state
 * and its timeline as of that instant (rows after it are left out), ordered by when it was found.
 */
export async function faultsOpenAt(projectId: number, at: Date): Promise<MaintenanceFaultView[]> {
  const rows = await MaintenanceFault.findAll({
    where: {
      projectId,
      detectedAt: { [Op.lte]: at },
      [Op.or]: [{ resolvedAt: null }, { resolvedAt: { [Op.gt]: at } }],
    },
    order: [
      ['detectedAt', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  return presentFaults(rows, { asOf: at });
}

/**
 * 当月故障记录 of a monthly report (manual §03 维保报告样式): the project's faults open at some instant of that
 * Beijing month — found before its end and not 已解决 before its start — with their state and timeline as of the
 * month's last instant. A fault still open at the end of a month is therefore in the next month's list too, until
 * the month after the one it was 解决 in.
 */
export async function faultsOfMonth(projectId: number, month: MonthString): Promise<MaintenanceFaultView[]> {
  const start = beijingStart(firstDayOfMonth(month));
  const end = new Date(beijingStart(firstDayOfMonth(addMonths(month, 1))).getTime() - 1);
  const rows = await MaintenanceFault.findAll({
    where: {
      projectId,
      detectedAt: { [Op.lte]: end },
      [Op.or]: [{ resolvedAt: null }, { resolvedAt: { [Op.gte]: start } }],
    },
    order: [
      ['detectedAt', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  return presentFaults(rows, { asOf: end });
}
