import { Form, Input } from 'antd';
import { newPasswordRule, PASSWORD_POLICY, sameAs } from '../lib/password';

/** A new password and its confirmation, under the server's rule: for sign-up, change and reset alike. */
export function NewPasswordFields({ name, mismatch = '两次输入的密码不一致' }: { name: string; mismatch?: string }) {
  return (
    <>
      <Form.Item label="新密码" name={name} extra={PASSWORD_POLICY} rules={[{ required: true, message: '请输入新密码' }, newPasswordRule]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item label="确认新密码" name="confirm" dependencies={[name]} rules={[{ required: true, message: '请再次输入新密码' }, sameAs(name, mismatch)]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
