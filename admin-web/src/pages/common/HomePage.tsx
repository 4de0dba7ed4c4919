import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, http } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { appRoutes, canOpen, canOpenPath } from '../../routes';

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

/**
 * The counts the home page knows. The server decides which of them an account gets (by its role and scope); the
 * page shows those that came, each linking to the first of its lists this account may open (routes.tsx).
 */
const COUNTERS: { key: keyof HomeCounts; label: string; to: string[]; alert?: boolean }[] = [
  { key: 'openRedFlags', label: '跟踪中的标红', to: ['/brigade/red-flags', '/red-flags'], alert: true },
  { key: 'noncompliantInstitutions', label: '不合规机构', to: ['/brigade/compliance'], alert: true },
  { key: 'pendingFaceProfiles', label: '待审核人脸底图', to: ['/brigade/face-profiles'], alert: true },
  {
    key: 'pendingSpecialApplications',
    label: '待审核特殊申请',
    to: ['/brigade/special-applications'],
    alert: true,
  },
  { key: 'testingProjects', label: '辖区检测项目', to: ['/testing-projects'] },
  { key: 'maintenanceProjects', label: '辖区维保项目', to: ['/maintenance-projects'] },
  { key: 'receivedReports', label: '收到的备案报告', to: ['/detachment/filed-reports'] },
  { key: 'workLogsToday', label: '今日工作日志', to: ['/maintenance/work-logs', '/work-logs'] },
];

/** 请尽快完善机构实际办公地址信息: for whoever the server lets mark the office or confirm the registration. */
function useInstitutionToComplete(institutionId: number | null) {
  const [show, setShow] = useState(false);
  useEffect(() => {
    if (institutionId === null) return;
    api.getInstitution(institutionId).then(
      (i) => setShow(!!(i.abilities?.markOffice || i.abilities?.confirmRegistration)),
      () => setShow(false),
    );
  }, [institutionId]);
  return show;
}

export function HomePage() {
  const user = useUser();
  const [summary, setSummary] = useState<HomeCounts | null>(null);
  useEffect(() => {
    http.get<HomeCounts>('/home/summary').then(setSummary, () => setSummary(null));
  }, []);
  const showInstitutionNotice = useInstitutionToComplete(user.institutionId);
  const counters = COUNTERS.flatMap((c) => {
    const to = c.to.find((path) => canOpenPath(path, user.kind));
    return to && typeof summary?.[c.key] === 'number' ? [{ ...c, to }] : [];
  });
  const shortcuts = appRoutes.filter((r) => !r.hidden && r.path !== '/' && canOpen(r, user.kind));

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Card variant="borderless">
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="home-welcome">
          欢迎，{user.displayName || user.accountName}（{user.kindLabel}）
        </Typography.Title>
        {showInstitutionNotice && (
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
