import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuthProvider } from './auth/AuthContext';
import { RequireAuth, RequireKind } from './auth/guards';
import { AppLayout } from './layout/AppLayout';
import { ForcedPasswordPage } from './pages/common/ForcedPasswordPage';
import { LoginPage } from './pages/common/LoginPage';
import { appRoutes } from './routes';

dayjs.locale('zh-cn');

const theme = { token: { colorPrimary: '#1f4e9c', borderRadius: 4 } };

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} componentSize="middle" button={{ autoInsertSpace: false }}>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
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
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
