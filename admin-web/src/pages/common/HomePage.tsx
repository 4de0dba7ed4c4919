import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { http } from '../../api/client';
import type { AccountKind } from '../../api/types';
import { useUser } from '../../auth/AuthContext';
import { appRoutes, canOpen } from '../../routes';

/**
 * GET /home/summary as the web roles get it (server/src/home/routes.ts). Declared here because the
 * generated API types do not list these counts yet; every count is optional, the page shows what came.
 */
type HomeCounts = Partial<
  Record<
    | 'openRedFlags'
    | 'noncompliantInstitutions'
    | 'pendingFaceProfiles'
    | 'pendingSpecialApplications'
    | 'testingProjects'
    | 'maintenanceProjects'
    | 'receivedReports'
    | 'workLogsToday',
    number
  >
>;

interface Counter {
  key: keyof HomeCounts;
  label: string;
  /** The list this count is the total of. */
  to: string;
  /** A count that asks for action is red when above zero. */
  alert?: boolean;
}

const COUNTERS: Partial<Record<AccountKind, Counter[]>> = {
  brigade: [
    { key: 'openRedFlags', label: '跟踪中的标红', to: '/brigade/red-flags', alert: true },
    { key: 'noncompliantInstitutions', label: '不合规机构', to: '/brigade/compliance', alert: true },
    { key: 'pendingFaceProfiles', label: '待审核人脸底图', to: '/brigade/face-profiles', alert: true },
    {
      key: 'pendingSpecialApplications',
      label: '待审核特殊申请',
      to: '/brigade/special-applications',
      alert: true,
    },
  ],
  detachment: [
    { key: 'testingProjects', label: '辖区检测项目', to: '/testing-projects' },
    { key: 'maintenanceProjects', label: '辖区维保项目', to: '/maintenance-projects' },
    { key: 'receivedReports', label: '收到的备案报告', to: '/detachment/filed-reports' },
    { key: 'openRedFlags', label: '跟踪中的标红', to: '/red-flags', alert: true },
  ],
  institution_admin: [
    { key: 'openRedFlags', label: '本机构跟踪中的标红', to: '/red-flags', alert: true },
    { key: 'workLogsToday', label: '今日工作日志', to: '/work-logs' },
  ],
};

export function HomePage() {
  const user = useUser();
  const [summary, setSummary] = useState<HomeCounts | null>(null);
  useEffect(() => {
    http.get<HomeCounts>('/home/summary').then(setSummary, () => setSummary(null));
  }, []);
  const counters = (COUNTERS[user.kind] ?? []).filter((c) => typeof summary?.[c.key] === 'number');
  const shortcuts = appRoutes.filter((r) => !r.hidden && r.path !== '/' && canOpen(r, user.kind));

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Card variant="borderless">
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="home-welcome">
          欢迎，{user.displayName || user.accountName}（{user.kindLabel}）
        </Typography.Title>
        {user.kind === 'institution_admin' && (
          <Alert
            type="info"
            showIcon
            title="请尽快完善机构实际办公地址信息并确认工商注册信息。机构和人员信息从部局社会消防技术服务信息系统自动导入，请随时关注本机构在部局系统中的公示生效状态。"
          />
        )}
        {counters.length > 0 && (
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            {counters.map((c) => {
              const value = summary![c.key]!;
              return (
                <Col key={c.key} xs={12} lg={6}>
                  <Link to={c.to} data-testid={`home-count-${c.key}`}>
                    <Card hoverable size="small">
                      <Statistic
                        title={c.label}
                        value={value}
                        styles={c.alert && value > 0 ? { content: { color: '#cf1322' } } : undefined}
                      />
                    </Card>
                  </Link>
                </Col>
              );
            })}
          </Row>
        )}
      </Card>
      <Card title="常用功能" variant="borderless">
        <Row gutter={[12, 12]}>
          {shortcuts.map((r) => (
            <Col key={r.path} span={6}>
              <Link to={r.path}>
                <Card hoverable size="small">
                  {r.icon} <span style={{ marginLeft: 8 }}>{r.title}</span>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </Card>
    </div>
  );
}
