import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { HomeSummary } from '@xf/domain/api/home';
import { api } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { appRoutes, canOpen } from '../../routes';

const SUMMARY_LABELS: Record<string, string> = {
  pendingRequests: '待处理申请',
  pendingReviews: '待审核',
  reportsToFile: '待备案报告',
  workLogsToday: '今日工作日志',
  unsynced: '未同步',
};

export function HomePage() {
  const user = useUser();
  const [summary, setSummary] = useState<HomeSummary | null>(null);
  useEffect(() => {
    api.getHomeSummary().then(setSummary, () => setSummary(null));
  }, []);
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
        {summary && (
          <Row gutter={16} style={{ marginTop: 16 }}>
            {Object.entries(summary)
              .filter(([k, v]) => typeof v === 'number' && SUMMARY_LABELS[k])
              .map(([k, v]) => (
                <Col key={k} span={4}>
                  <Statistic title={SUMMARY_LABELS[k]} value={v} />
                </Col>
              ))}
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
