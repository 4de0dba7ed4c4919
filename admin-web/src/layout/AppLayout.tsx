import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Spin, Tag, Typography, type MenuProps } from 'antd';
import { Suspense, useMemo } from 'react';
import { matchPath, Outlet, useLocation, useNavigate } from 'react-router';
import { useUser, useAuth } from '../auth/AuthContext';
import { ReloginModal } from '../auth/ReloginModal';
import { appRoutes, canOpen, canOpenPath, groupIcons } from '../routes';

type MenuItem = Required<MenuProps>['items'][number];

/** Left menu generated from the route table, for the logged-in account kind. */
function useMenu(kind: Parameters<typeof canOpen>[1]) {
  return useMemo(() => {
    const items: MenuItem[] = [];
    const groups = new Map<
      string,
      { key: string; label: string; icon: React.ReactNode; children: MenuItem[] }
    >();
    for (const r of appRoutes) {
      if (r.hidden || !canOpen(r, kind)) continue;
      const item = { key: r.path, icon: r.icon, label: r.title };
      if (!r.group) {
        items.push(item);
        continue;
      }
      let group = groups.get(r.group);
      if (!group) {
        group = { key: `group:${r.group}`, label: r.group, icon: groupIcons[r.group], children: [] };
        groups.set(r.group, group);
        items.push(group);
      }
      group.children.push(item);
    }
    return { items, openKeys: [...groups.values()].map((g) => g.key) };
  }, [kind]);
}

export function AppLayout() {
  const user = useUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { items, openKeys } = useMenu(user.kind);

  const current = appRoutes.find((r) => matchPath({ path: r.path, end: true }, location.pathname));
  const selectedKey = current?.parent?.find((path) => canOpenPath(path, user.kind)) ?? current?.path ?? '/';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          background: '#1f4e9c',
          paddingInline: 24,
          height: 56,
        }}
      >
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          北京市消防技术服务机构监督管理系统
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <Space size="middle" style={{ color: '#fff' }}>
          <span data-testid="current-user">
            <UserOutlined /> {user.displayName || user.accountName}
          </span>
          <Tag color="gold">{user.kindLabel}</Tag>
          {user.institutionName && <span>{user.institutionName}</span>}
          <Button
            size="small"
            ghost
            icon={<LogoutOutlined />}
            onClick={() => void logout().finally(() => navigate('/login', { replace: true }))}
          >
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <Menu
            mode="inline"
            items={items}
            selectedKeys={[selectedKey]}
            defaultOpenKeys={openKeys}
            onClick={(e) => navigate(e.key)}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 16, background: '#f0f2f5' }}>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <ReloginModal />
    </Layout>
  );
}
