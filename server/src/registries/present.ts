import type { RegistryImportView } from '@xf/domain';
import { isoTime, isoTimeOrNull } from '../core/time';
import type { RegistryImport } from './models';

export function presentImport(r: RegistryImport): RegistryImportView {
  return {
    id: r.id,
    registry: r.registry,
    registryLabel:
      r.registry === 'ministry' ? '部局社会消防技术服务信息系统' : '消防“双随机、一公开”监督检查系统',
    source: r.source,
    sourceLabel: { excel: 'Excel导入', feed: '接口拉取', demo: '演示数据' }[r.source],
    fileName: r.fileName,
    status: r.status,
    statusLabel: {
      running: '导入中',
      completed: '已完成',
      refused: '已拒绝',
      failed: '失败',
      interrupted: '已中断',
    }[r.status],
    message: r.message,
    summary: r.summary,
    startedAt: isoTime(r.startedAt),
    finishedAt: isoTimeOrNull(r.finishedAt),
  };
}
