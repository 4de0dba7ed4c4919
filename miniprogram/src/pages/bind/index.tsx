import { Text, View } from '@tarojs/components';
import { Button, CellGroup } from '@nutui/nutui-react-taro';
import Taro, { useRouter } from '@tarojs/taro';
import { isValidAccountName } from '@xf/domain';
import { useState } from 'react';
import { useAction } from '../../hooks/use-action';
import { FieldError, TextField } from '../../components/FormField';
import { bindWechat } from '../../auth/auth-api';
import { PageShell } from '../../components/PageShell';

/** First WeChat login: tie this WeChat user to the lead's account once; later opens log in silently. */
export default function BindPage() {
  const { params } = useRouter();
  const ticket = decodeURIComponent(params.ticket ?? '');
  const [accountName, setAccountName] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useAction();

  const submit = async () => {
    if (!ticket) return setError('绑定凭证已失效，请重新打开小程序');
    if (!isValidAccountName(accountName)) return setError('账号：只允许3-30位的数字和字母');
    if (!password) return setError('密码：请输入密码');
    await run(async () => {
      await bindWechat(ticket, accountName, password);
      await Taro.showToast({ title: '绑定成功', icon: 'success' });
      await Taro.reLaunch({ url: '/pages/home/index' });
    });
  };

  return (
    <PageShell>
      <View className="card">
        <Text className="card-title">绑定系统账号</Text>
        <Text className="muted">
          首次使用请输入机构管理员为您开通的账号和密码，绑定后再次打开将自动登录。
        </Text>
      </View>
      <CellGroup>
        <TextField label="账号" placeholder="请输入账号" value={accountName} onChange={setAccountName} />
        <TextField label="密码" placeholder="请输入密码" password value={password} onChange={setPassword} />
        <FieldError error={error} />
      </CellGroup>
      <View className="form-actions">
        <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
          绑定并登录
        </Button>
      </View>
    </PageShell>
  );
}
