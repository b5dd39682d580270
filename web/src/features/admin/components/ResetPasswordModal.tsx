import { Alert, Form, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import type { UserView } from '../../../lib/api-types';
import { NewPasswordFields } from '../../../components/NewPasswordFields';
import { resetPassword } from '../api/admin';

/** The administrator types the new password (it is never shown back); the user must change it at next sign-in. */
export function ResetPasswordModal({ user, onClose, onDone }: { user: UserView | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (user) {
      form.resetFields();
      setError(null);
    }
  }, [user, form]);

  const submit = async () => {
    if (!user) return;
    let v: { password: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await resetPassword(user.id, v.password);
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={user !== null} title={user ? `重置密码：${user.displayName}（${user.username}）` : ''} onCancel={onClose} onOk={() => void submit()} okText="重置" confirmLoading={busy} destroyOnHidden>
      <Alert type="info" showIcon className="form-alert" title="重置后，该用户下次登录时须修改密码。" />
      {error && <Alert type="error" showIcon title={error} role="alert" className="form-alert" />}
      <Form form={form} layout="vertical" autoComplete="off">
        <NewPasswordFields name="password" />
      </Form>
    </Modal>
  );
}
