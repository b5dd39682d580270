import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { newPasswordRule, PASSWORD_POLICY, sameAs } from '../../../lib/password';
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
      <Form.Item
        label="新密码"
        name="newPassword"
        extra={PASSWORD_POLICY}
        rules={[
          { required: true, message: '请输入新密码' },
          newPasswordRule,
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          sameAs('newPassword', '两次输入的新密码不一致'),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {submitText}
        </Button>
        {onCancel && <Button onClick={onCancel}>取消</Button>}
      </Space>
    </Form>
  );
}
