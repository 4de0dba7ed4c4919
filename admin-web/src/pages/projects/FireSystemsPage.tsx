import { App, Button, Descriptions, Empty, Space, Spin, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { FireSystemsView as FireSystemTree, ProjectDetail } from '@xf/domain/api/projects';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import { PageCard } from '../../components/PageCard';

// Facility ids are the leaves; systems and categories get prefixed keys so they never collide with them.
const toTree = (t: FireSystemTree): DataNode[] =>
  t.systems.map((s) => ({
    key: `system:${s.id}`,
    title: s.name,
    children: s.categories.map((c) => ({
      key: `category:${s.id}:${c.id}`,
      title: c.name,
      children: c.facilities.map((f) => ({ key: f.id, title: f.name, isLeaf: true })),
    })),
  }));

/** 消防系统录入 (manual §03): tick the facilities the contract covers (系统 › 分类 › 设施). */
export function FireSystemsPage() {
  const projectId = Number(useParams().id);
  const navigate = useNavigate();
  const onError = useApiError();
  const { message } = App.useApp();
  const [project, setProject] = useState<ProjectDetail | null>(null);
  const [tree, setTree] = useState<FireSystemTree | null>(null);
  const [checked, setChecked] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const canEdit = project?.abilities.setFireSystems ?? false;

  useEffect(() => {
    api.getProject(projectId).then(setProject, onError);
    api.getProjectFireSystems(projectId).then((t) => {
      setTree(t);
      setChecked(
        t.systems.flatMap((s) =>
          s.categories.flatMap((c) => c.facilities.filter((f) => f.selected).map((f) => f.id)),
        ),
      );
    }, onError);
  }, [projectId, onError]);

  const facilityIds = useMemo(
    () =>
      new Set(tree?.systems.flatMap((s) => s.categories.flatMap((c) => c.facilities.map((f) => f.id))) ?? []),
    [tree],
  );
  const nodes = useMemo(() => (tree ? toTree(tree) : []), [tree]);

  const save = async () => {
    setSaving(true);
    try {
      const saved = await api.updateProjectFireSystems(projectId, {
        facilityIds: checked.filter((k) => facilityIds.has(k)),
      });
      setTree(saved);
      message.success('消防系统已保存');
    } catch (e) {
      onError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageCard
      title="消防系统录入"
      extra={
        <Space>
          {canEdit && (
            <Button type="primary" loading={saving} onClick={save} disabled={!tree}>
              保存
            </Button>
          )}
          <Button onClick={() => navigate('/maintenance-projects')}>返回</Button>
        </Space>
      }
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="项目名称">{project?.siteName}</Descriptions.Item>
        <Descriptions.Item label="标准版本">{tree?.editionId}</Descriptions.Item>
        <Descriptions.Item label="已勾选消防设施">
          <span data-testid="checked-count">{checked.filter((k) => facilityIds.has(k)).length}</span> 项
        </Descriptions.Item>
      </Descriptions>
      {!tree ? (
        <Spin />
      ) : nodes.length === 0 ? (
        <Empty description="标准版本中没有消防系统" />
      ) : (
        <Tree
          checkable
          disabled={!canEdit}
          defaultExpandedKeys={nodes.map((n) => n.key)}
          treeData={nodes}
          checkedKeys={checked}
          onCheck={(keys) => setChecked((Array.isArray(keys) ? keys : keys.checked).map(String))}
          data-testid="fire-system-tree"
        />
      )}
    </PageCard>
  );
}
