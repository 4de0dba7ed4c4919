import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuthProvider } from './auth/AuthContext';
import { RequireAuth, RequireKind } from './auth/guards';
import { lazy, Suspense } from 'react';
import { LoginPage } from './pages/common/LoginPage';
import { appRoutes } from './routes';

// The first chunk holds the login page and the route table; the layout and every page load when opened.
const AppLayout = lazy(() => import('./layout/AppLayout').then((m) => ({ default: m.AppLayout })));
const ForcedPasswordPage = lazy(() =>
  import('./pages/common/ForcedPasswordPage').then((m) => ({ default: m.ForcedPasswordPage })),
);

dayjs.locale('zh-cn');

const theme = { token: { colorPrimary: '#1f4e9c', borderRadius: 4 } };

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} componentSize="middle" button={{ autoInsertSpace: false }}>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: 160 }} />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route
                  path="/change-password"
                  element={
                    <RequireAuth passwordPage>
                      <ForcedPasswordPage />
                    </RequireAuth>
                  }
                />
                <Route
                  element={
                    <RequireAuth>
                      <AppLayout />
                    </RequireAuth>
                  }
                >
                  {appRoutes.map((r) => (
                    <Route
                      key={r.path}
                      path={r.path}
                      element={<RequireKind kinds={r.kinds}>{r.element}</RequireKind>}
                    />
                  ))}
                </Route>
                <Route path="*" element={<Navigate to="/" replace />} />
              </Routes>
            </Suspense>
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
