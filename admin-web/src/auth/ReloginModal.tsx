import { Button, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { session, setReloginHandler } from '../api/client';
import { useAuth } from './AuthContext';
import { LoginForm } from './LoginForm';

/**
 * Shown over the current page when the session can no longer be refreshed. The page stays mounted
 * (half-filled forms are kept) and the failed request is retried after the user logs in again.
 */
export function ReloginModal() {
  const { user } = useAuth();
  const [open, setOpen] = useState(false);
  const pending = useRef<{ resolve: () => void; reject: (e: Error) => void } | null>(null);
  const accountName = user?.accountName;

  useEffect(() => {
    if (!accountName) return;
    setReloginHandler(
      () =>
        new Promise<void>((resolve, reject) => {
          pending.current = { resolve, reject };
          setOpen(true);
        }),
    );
    return () => setReloginHandler(null);
  }, [accountName]);

  const giveUp = () => {
    setOpen(false);
    pending.current?.reject(new Error('登录已失效，请重新登录'));
    pending.current = null;
    session.clear();
  };

  return (
    <Modal
      open={open}
      title="登录已失效，请重新登录"
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={<Button onClick={giveUp}>退出到登录页</Button>}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        当前页面内容已保留，重新登录后将继续刚才的操作。
      </Typography.Paragraph>
      {accountName && (
        <LoginForm
          fixedAccountName={accountName}
          onLoggedIn={() => {
            setOpen(false);
            pending.current?.resolve();
            pending.current = null;
          }}
        />
      )}
    </Modal>
  );
}
