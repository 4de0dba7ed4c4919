import { View } from '@tarojs/components';
import { Button, CellGroup, NoticeBar } from '@nutui/nutui-react-taro';
import Taro, { useRouter } from '@tarojs/taro';
import { isValidPassword } from '@xf/domain';
import { useState } from 'react';
import { useAction } from '../../hooks/use-action';
import { FieldError, TextField } from '../../components/FormField';
import { changePassword } from '../../auth/auth-api';
import { getSession } from '../../auth/session-store';
import { PageShell } from '../../components/PageShell';

export default function PasswordPage() {
  const { params } = useRouter();
  const forced = params.forced === '1' || !!getSession()?.user.mustChangePassword;
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, setError, run } = useAction();

  const submit = async () => {
    if (!oldPassword) return setError('原密码：请输入原密码');
    if (!isValidPassword(newPassword)) return setError('新密码：长度为6-20位');
    if (newPassword !== confirm) return setError('确认密码：两次输入的新密码不一致');
    if (newPassword === oldPassword) return setError('新密码：不能与原密码相同');
    await run(async () => {
      await changePassword(oldPassword, newPassword);
      await Taro.showToast({ title: '密码已修改', icon: 'success' });
      if (forced) await Taro.reLaunch({ url: '/pages/home/index' });
      else await Taro.navigateBack();
    });
  };

  return (
    <PageShell>
      {forced && <NoticeBar className="notice" content="首次登录或密码被重置后，请先修改密码。" />}
      <CellGroup>
        <TextField label="原密码" placeholder="请输入原密码" password value={oldPassword} onChange={setOld} />
        <TextField label="新密码" placeholder="6-20位" password value={newPassword} onChange={setNew} />
        <TextField
          label="确认新密码"
          placeholder="再次输入新密码"
          password
          value={confirm}
          onChange={setConfirm}
        />
        <FieldError error={error} />
      </CellGroup>
      <View className="form-actions">
        <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
          确认修改
        </Button>
      </View>
    </PageShell>
  );
}
