import { PageShell } from '../../components/PageShell';
import { Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Cell, Empty } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { ReportView } from '@xf/domain/api/reports';
import { api } from '../../api/server';
import { requireSession } from '../../auth/guard';

/** 待备案报告 (manual §02/§03 技术负责人审核和备案): the institution's reports not filed yet, newest first. */
export default function ReportsToFilePage() {
  const [items, setItems] = useState<ReportView[] | null>(null);
  const [error, setError] = useState('');
  useDidShow(() => {
    if (!requireSession()) return;
    api
      .getReports({ status: 'uploaded', pageSize: 100 })
      .then((p) => {
        setItems(p.items);
        setError('');
      })
      .catch((e: Error) => setError(e.message));
  });
  return (
    <PageShell>
      {error && <Text className="error-text">{error}</Text>}
      {items && items.length === 0 && <Empty description="暂无待备案报告" />}
      {items?.map((r) => (
        <Cell
          key={r.id}
          title={r.projectName ?? `项目${r.projectId}`}
          description={`${r.kindLabel}报告 · ${r.attributeLabel ?? ''} · 完成于${r.completedOn}`}
          extra={r.statusLabel}
          onClick={() => void Taro.navigateTo({ url: `/pages/report-file/index?id=${r.id}` })}
        />
      ))}
    </PageShell>
  );
}
