import { Alert, App, Button, Descriptions, Popconfirm, Popover, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { BuildingList, BuildingView as Building } from '@xf/domain/api/buildings';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import { PageCard } from '../../components/PageCard';
import { BuildingModal } from './BuildingModal';
import { fitColumns } from '../../components/tableWidth';

/** 添加建筑物 of one 维保项目 (manual §03). */
export function BuildingsPage() {
  const projectId = Number(useParams().id);
  const navigate = useNavigate();
  // Testing and maintenance projects share this page; 返回 goes to the list it was opened from.
  const listPath = useLocation().pathname.startsWith('/testing-projects')
    ? '/testing-projects'
    : '/maintenance-projects';
  const onError = useApiError();
  const { message } = App.useApp();
  const [list, setList] = useState<BuildingList | null>(null);
  const [editing, setEditing] = useState<Building | 'new' | null>(null);
  const load = useCallback(() => {
    api.getProjectBuildings(projectId).then(setList, onError);
  }, [projectId, onError]);
  useEffect(load, [load]);
  // 新建 by the list's abilities: the project's institution admin, while the project is open.
  const canAdd = list?.abilities.create ?? false;

  const remove = async (b: Building) => {
    try {
      await api.deleteProjectBuilding(projectId, b.id);
      message.success('建筑物已删除');
      load();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <PageCard
      title="建筑物信息录入"
      extra={
        <Space>
          {canAdd && (
            <Button type="primary" onClick={() => setEditing('new')}>
              新建
            </Button>
          )}
          <Button onClick={() => navigate(listPath)}>返回</Button>
        </Space>
      }
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="项目名称">{list?.siteName}</Descriptions.Item>
        <Descriptions.Item label="总建筑面积（平方米）">
          <span data-testid="total-area">{list?.totalArea ?? 0}</span>
        </Descriptions.Item>
      </Descriptions>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="注：添加的建筑物必须是共用同一套自动消防设施的相关建筑物。如果服务合同约定的只是建筑物的一部分，请在备注栏说明。建筑面积是地上和地下的和，系统会校验。"
      />
      <Table<Building>
        rowKey="id"
        dataSource={list?.items ?? []}
        loading={!list}
        pagination={false}
        {...fitColumns<Building>([
          { title: 'ID', dataIndex: 'id', width: 70 },
          { title: '建筑名称', dataIndex: 'name' },
          { title: '建筑面积（平方米）', dataIndex: 'totalArea' },
          { title: '地上面积（平方米）', dataIndex: 'aboveGroundArea' },
          { title: '地下面积（平方米）', dataIndex: 'belowGroundArea' },
          { title: '地上层数', dataIndex: 'aboveGroundFloors', width: 80 },
          { title: '地下层数', dataIndex: 'belowGroundFloors', width: 80 },
          { title: '建筑高度（米）', dataIndex: 'height', width: 110 },
          {
            title: '供水设施',
            width: 90,
            render: (_, b) =>
              b.waterSupplies.length ? (
                <Popover
                  content={b.waterSupplies.map((w, i) => (
                    <div key={i}>
                      {w.kindLabel}：{w.location}，{w.capacity} 立方米
                    </div>
                  ))}
                >
                  <Button type="link" size="small">
                    详情
                  </Button>
                </Popover>
              ) : (
                '—'
              ),
          },
          { title: '备注', dataIndex: 'remark' },
          {
            title: '操作',
            width: 120,
            render: (_, b) =>
              (b.abilities.update || b.abilities.delete) && (
                <Space size={0}>
                  {b.abilities.update && (
                    <Button type="link" size="small" onClick={() => setEditing(b)}>
                      修改
                    </Button>
                  )}
                  {b.abilities.delete && (
                    <Popconfirm title={`确定删除“${b.name}”？`} onConfirm={() => remove(b)}>
                      <Button type="link" size="small" danger>
                        删除
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
          },
        ])}
      />
      {editing && (
        <BuildingModal
          projectId={projectId}
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
    </PageCard>
  );
}
