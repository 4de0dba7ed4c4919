/**
 * The fault's state as printed when no handling step of the month names it. Replaced by the faults feature's
 * labels once it is merged (maintenanceFaultStatusLabels).
 */
const LABELS: Record<string, string> = {
  pending: '待处理',
  negotiating: '与业主协商中',
  troubleshooting: '排查中',
  repairing: '维修中',
  resolved: '已解决',
};
export const faultStatusLabel = (status: string) => LABELS[status] ?? status;
