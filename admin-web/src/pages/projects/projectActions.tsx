import { Button, Space, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { ProjectRow } from '@xf/domain/api/projects';
import { SpecialApplicationModal } from '../special/SpecialApplicationModal';
import { EndProjectModal } from './EndProjectModal';

/**
 * The 操作 column of both project lists (更新, 注销 or 终止, 特殊申请 on a project in progress) and the
 * dialogs it opens; `reload` refreshes the list after a project ends.
 */
export function useProjectActions(reload: () => void): {
  column: TableColumnsType<ProjectRow>[number];
  dialogs: ReactNode;
} {
  const navigate = useNavigate();
  const [ending, setEnding] = useState<ProjectRow | null>(null);
  const [applying, setApplying] = useState<ProjectRow | null>(null);
  const column: TableColumnsType<ProjectRow>[number] = {
    title: '操作',
    width: 200,
    fixed: 'right',
    render: (_, p) =>
      p.status === 'in_progress' ? (
        <Space size={0}>
          {p.abilities.update && (
            <Button type="link" size="small" onClick={() => navigate(`/${p.kind}-projects/${p.id}/edit`)}>
              更新
            </Button>
          )}
          {p.abilities[p.kind === 'testing' ? 'cancel' : 'terminate'] && (
            <Button type="link" size="small" danger onClick={() => setEnding(p)}>
              {p.kind === 'testing' ? '注销' : '终止'}
            </Button>
          )}
          {p.abilities.update && (
            <Button type="link" size="small" onClick={() => setApplying(p)}>
              特殊申请
            </Button>
          )}
        </Space>
      ) : null,
  };
  const dialogs = (
    <>
      {ending && (
        <EndProjectModal
          project={ending}
          onClose={() => setEnding(null)}
          onDone={() => {
            setEnding(null);
            reload();
          }}
        />
      )}
      {applying && <SpecialApplicationModal project={applying} onClose={() => setApplying(null)} />}
    </>
  );
  return { column, dialogs };
}
