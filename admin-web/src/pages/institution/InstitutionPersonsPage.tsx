import { Alert, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { PageCard } from '../../components/PageCard';
import { PersonsTable } from './PersonsTable';

/** What the churn pass stores with a 人员频繁变动 flag (server/src/compliance/service.ts). */
interface ChurnDetails {
  people?: { name: string; change: 'joined' | 'left'; on: string }[];
}

interface Churn {
  reason: string;
  people: NonNullable<ChurnDetails['people']>;
}

/**
 * The manual promises that frequent staff changes are tracked and marked red (人员的频繁变动也会自动跟踪标红):
 * the institution sees its own flag, and the people who joined or left inside the flag's window.
 */
async function loadChurn(): Promise<Churn | null> {
  const flags = await api.getRedFlags({ kind: 'staff_churn', open: 'true' });
  const flag = flags.items[0];
  if (!flag) return null;
  return { reason: flag.reason, people: (flag.details as ChurnDetails | undefined)?.people ?? [] };
}

const CHANGE_LABELS = { joined: '加入', left: '离开' } as const;

export function InstitutionPersonsPage() {
  const user = useUser();
  const [churn, setChurn] = useState<Churn | null>(null);
  useEffect(() => {
    // a technical lead may not read red flags: then there is simply no mark to show
    loadChurn().then(setChurn, () => setChurn(null));
  }, []);
  const churned = new Set(churn?.people.filter((c) => c.change === 'joined').map((c) => c.name));

  return (
    <PageCard title="查看机构人员信息">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="人员信息从部局社会消防技术服务信息系统自动导入。一个机构在部局系统只能指定1名技术负责人，技术负责人不能负责项目；如有变动请尽快在部局系统更新。"
      />
      {churn && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="staff-churn-alert"
          title={`跟踪标红：人员频繁变动。${churn.reason}`}
          description={
            churn.people.length > 0 && (
              <div>
                变动人员：
                {churn.people.map((c) => (
                  <Tag key={`${c.name}-${c.change}-${c.on}`} color="red" style={{ marginBottom: 4 }}>
                    {c.name} {CHANGE_LABELS[c.change]} {c.on}
                  </Tag>
                ))}
              </div>
            )
          }
        />
      )}
      {user.institutionId !== null && <PersonsTable institutionId={user.institutionId} churned={churned} />}
    </PageCard>
  );
}
