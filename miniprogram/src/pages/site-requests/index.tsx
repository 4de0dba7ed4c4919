import { Text, View } from '@tarojs/components';
import { Cell, Empty, Popup, Segmented, Tag } from '@nutui/nutui-react-taro';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { SiteRequestView } from '@xf/domain/api/site-requests';
import { api } from '../../api/server';
import { requireSession } from '../../auth/guard';
import { PageShell } from '../../components/PageShell';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { SubscribeReminders } from '../../components/SubscribeReminders';
import { beijingTime, operatorChecks, taskKindLabel } from './checks';
import { RequestDetail } from './RequestDetail';
import '../projects/projects.css';
import './site-requests.css';

type Filter = 'pending' | 'decided';

/**
 * 待处理申请 (manual §02/§03 项目负责人在微信端比对位置和人脸): the start and submit requests of the lead's testing and
 * maintenance tasks (检测/维保 named on each row). Until
 * they are handled the lead cannot review the records (手册 3). A reminder's page opens with `?id=`; the 消防维保 tab
 * opens it with `?taskKind=maintenance` for the maintenance tasks' requests only.
 */
export default function SiteRequestsPage() {
  const { params } = useRouter();
  const [filter, setFilter] = useState<Filter>('pending');
  const [rows, setRows] = useState<SiteRequestView[] | null>(null);
  const [open, setOpen] = useState<SiteRequestView | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    try {
      const { items } = await api.getSiteRequests();
      setRows(items);
      setError('');
      const wanted = Number(params.id);
      if (wanted) setOpen((o) => o ?? items.find((r) => r.id === wanted) ?? null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [params.id]);

  useDidShow(() => {
    if (!requireSession(['project_lead'])) return;
    void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const ofKind = (rows ?? []).filter((r) => !params.taskKind || r.taskKind === params.taskKind);
  const shown = ofKind.filter((r) => (filter === 'pending') === (r.status === 'pending'));
  const pendingCount = ofKind.filter((r) => r.status === 'pending').length;
  const decided = (r: SiteRequestView) => {
    setRows((all) => (all ?? []).map((x) => (x.id === r.id ? r : x)));
    setOpen(r);
  };

  return (
    <PageShell className="site-requests">
      <Segmented
        className="request-filter"
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        options={[
          { label: `待处理（${pendingCount}）`, value: 'pending' },
          { label: '已处理', value: 'decided' },
        ]}
      />
      {error ? <Text className="error-text">{error}</Text> : null}
      {rows && shown.length === 0 ? (
        <Empty description={filter === 'pending' ? '暂无待处理申请' : '暂无已处理申请'} />
      ) : null}
      {shown.map((r) => {
        const { failed } = operatorChecks(r);
        return (
          <Cell
            key={r.id}
            className="request-row"
            clickable
            onClick={() => setOpen(r)}
            title={
              <View className="request-row-title">
                <Text>{`${r.siteName} · ${taskKindLabel(r)}${r.kindLabel}`}</Text>
              </View>
            }
            description={`${r.requestedBy.displayName} · ${beijingTime(r.requestedAt)}`}
            extra={
              failed.length ? (
                <Tag type="danger">{`${failed.join('、')}未通过`}</Tag>
              ) : r.status === 'pending' ? (
                <Tag type="success">校验通过</Tag>
              ) : (
                <Tag type={r.status === 'approved' ? 'success' : 'danger'}>{r.statusLabel}</Tag>
              )
            }
          />
        );
      })}
      <SubscribeReminders />
      <Popup
        visible={open !== null}
        position="bottom"
        round
        closeable
        destroyOnClose
        title="申请详情"
        className="request-popup"
        onClose={() => setOpen(null)}
      >
        {open ? <RequestDetail key={open.id} request={open} onDecided={decided} /> : null}
      </Popup>
      <PrivacyConsent />
    </PageShell>
  );
}
