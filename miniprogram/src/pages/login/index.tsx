import { Text, View } from '@tarojs/components';
import { Button, CellGroup, Segmented } from '@nutui/nutui-react-taro';
import Taro, { useLoad } from '@tarojs/taro';
import { isValidAccountName } from '@xf/domain';
import { useState } from 'react';
import { useAction } from '../../hooks/use-action';
import { FieldError, TextField } from '../../components/FormField';
import type { LoginClient } from '../../auth/session-store';
import { loginWithPassword, loginWithWechat } from '../../auth/auth-api';
import { PageShell } from '../../components/PageShell';

const isWeapp = process.env.TARO_ENV === 'weapp';
const inAndroidShell = typeof window !== 'undefined' && 'Capacitor' in window;
const CLIENT_KEY = 'xf.loginClient';

function initialClient(): LoginClient {
  if (inAndroidShell) return 'app';
  return (Taro.getStorageSync(CLIENT_KEY) as LoginClient) || 'weapp';
}

export default function LoginPage() {
  const [client, setClient] = useState<LoginClient>(initialClient);
  const [accountName, setAccountName] = useState('');
  const [password, setPassword] = useState('');
  const { busy, setBusy, error, setError, run } = useAction();

  // In the mini-program an account bound to this WeChat user logs in without typing anything.
  useLoad(() => {
    if (!isWeapp) return;
    setBusy(true);
    loginWithWechat()
      .then((r) => {
        if (r.bound) void Taro.reLaunch({ url: '/pages/home/index' });
        else void Taro.redirectTo({ url: `/pages/bind/index?ticket=${encodeURIComponent(r.bindTicket)}` });
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  });

  const submit = async () => {
    if (!isValidAccountName(accountName)) return setError('账号：只允许3-30位的数字和字母');
    if (!password) return setError('密码：请输入密码');
    await run(async () => {
      Taro.setStorageSync(CLIENT_KEY, client);
      await loginWithPassword(client, accountName, password);
      await Taro.reLaunch({ url: '/pages/home/index' });
    });
  };

  return (
    <PageShell>
      <View className="brand">
        <Text className="brand-title">消防技术服务机构监管系统</Text>
        <Text className="brand-sub">{client === 'app' ? '现场维保检测人员' : '项目负责人 · 技术负责人'}</Text>
      </View>
      {isWeapp ? (
        <View className="card">
          <Text className="muted">{busy ? '正在使用微信登录…' : '微信登录未完成'}</Text>
          {error && <Text className="error-text">{error}</Text>}
        </View>
      ) : (
        <View>
          {!inAndroidShell && (
            <View className="segment">
              <Segmented
                value={client}
                options={[
                  { label: '负责人', value: 'weapp', className: 'segment-item' },
                  { label: '现场人员', value: 'app', className: 'segment-item' },
                ]}
                onChange={(v) => setClient(v as LoginClient)}
              />
            </View>
          )}
          <CellGroup>
            <TextField label="账号" placeholder="请输入账号" value={accountName} onChange={setAccountName} />
            <TextField
              label="密码"
              placeholder="请输入密码"
              password
              value={password}
              onChange={setPassword}
              onConfirm={() => void submit()}
            />
            <FieldError error={error} />
          </CellGroup>
          <View className="form-actions">
            <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
              {busy ? '登录中…' : '登录'}
            </Button>
          </View>
        </View>
      )}
    </PageShell>
  );
}
