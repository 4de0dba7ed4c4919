import { PageShell } from '../../components/PageShell';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Empty, Tag } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { TestingRecordStatus, TestingRecordView } from '@xf/domain/api/testing-records';
import { API_BASE } from '../../api/base-url';
import { deleteTestingRecord, myTestingRecords } from '../../api/testing';
import { requireSession } from '../../auth/guard';
import { useAction } from '../../hooks/use-action';
import '../testing-tasks/testing.css';

const FILTERS: { label: string; status?: TestingRecordStatus }[] = [
  { label: '全部' },
  { label: '待审核', status: 'submitted' },
  { label: '已审核', status: 'approved' },
];
const PAGE = 50;

const fileUrl = (url: string) => (url.startsWith('/api/') ? `${API_BASE}${url}` : url);

/**
 * 查询历史记录 (manual §02 APP删除已提交记录): my submitted records with their review status; a wrong one is deleted
 * (the server decides: not once the lead approved it, and only while review is closed) and then recorded again
 * from 接收下发计划.
 */
export default function TestingHistoryPage() {
  const [filter, setFilter] = useState(0);
  const [items, setItems] = useState<TestingRecordView[] | null>(null);
  const [shown, setShown] = useState(PAGE);
  const { busy, error, setError, run } = useAction();

  const load = (index = filter) => {
    setError('');
    myTestingRecords({ status: FILTERS[index]!.status })
      .then((list) => {
        setItems(list);
        setShown(PAGE);
      })
      .catch((e: Error) => setError(`查询历史记录需要联网：${e.message}`));
  };

  useDidShow(() => {
    if (requireSession(['operator'])) load();
  });

  const remove = (r: TestingRecordView) =>
    run(async () => {
      const { confirm } = await Taro.showModal({
        title: '删除检测记录',
        content: `删除“${r.itemName}（位置${r.position}）”后，需在“接收下发计划”中重新选择该单项并重新记录、提交。确定删除吗？`,
      });
      if (!confirm) return;
      await deleteTestingRecord(r.id);
      Taro.showToast({ title: '已删除', icon: 'success' });
      load();
    });

  return (
    <PageShell className="testing-page">
      <View className="chips">
        {FILTERS.map((f, i) => (
          <Tag
            key={f.label}
            type={i === filter ? 'primary' : 'default'}
            plain={i !== filter}
            onClick={() => {
              setFilter(i);
              load(i);
            }}
          >
            {f.label}
          </Tag>
        ))}
      </View>
      {error && (
        <Text className="error-text" style={{ display: 'block' }}>
          {error}
        </Text>
      )}
      {items && items.length === 0 && <Empty description="暂无已提交的检测记录" />}
      {items?.slice(0, shown).map((r) => (
        <View className="card history-record" key={r.id} data-record={r.id}>
          <View className="row">
            <Text className="card-title">{r.itemName}</Text>
            <Tag type={r.status === 'approved' ? 'success' : 'warning'}>{r.statusLabel}</Tag>
          </View>
          <Text className="muted" style={{ display: 'block' }}>
            {`${r.siteName} · ${r.buildingName} · ${r.singleItemName} · ${r.subItemName} · 位置${r.position}`}
          </Text>
          <Text style={{ display: 'block' }}>
            {`结果：${r.resultLabel}${r.measuredValue != null ? `（测量值 ${r.measuredValue}）` : ''}`}
          </Text>
          {r.mismatch && (
            <Text className="warn-text" style={{ display: 'block' }}>
              与按测量值判定的结果不一致
            </Text>
          )}
          {r.photoUrls.length > 0 && (
            <View className="photos">
              {r.photoUrls.slice(0, 6).map((u) => (
                <Image key={u} className="photo" src={fileUrl(u)} mode="aspectFill" />
              ))}
            </View>
          )}
          {r.abilities.delete && (
            <View className="actions">
              <Button
                size="small"
                type="danger"
                fill="outline"
                disabled={busy}
                onClick={() => void remove(r)}
              >
                删除
              </Button>
            </View>
          )}
        </View>
      ))}
      {items && items.length > shown && (
        <Button fill="outline" block onClick={() => setShown((n) => n + PAGE)}>
          {`加载更多（还有${items.length - shown}条）`}
        </Button>
      )}
    </PageShell>
  );
}
