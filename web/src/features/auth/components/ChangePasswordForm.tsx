import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { NewPasswordFields } from '../../../components/NewPasswordFields';
import { changePassword } from '../api/auth';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Current password, new password twice; the policy said up front, the server's answer shown as it is. */
export function ChangePasswordForm({ onDone, onCancel, submitText = '确认修改' }: { onDone: () => void; onCancel?: () => void; submitText?: string }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      form.resetFields();
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="off">
      {error && <Alert type="error" showIcon title={error} role="alert" className="form-alert" />}
      <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordFields name="newPassword" mismatch="两次输入的新密码不一致" />
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {submitText}
        </Button>
        {onCancel && <Button onClick={onCancel}>取消</Button>}
      </Space>
    </Form>
  );
}
