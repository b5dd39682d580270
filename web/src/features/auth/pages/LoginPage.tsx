import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../lib/api-client';
import type { LoginRequest } from '../../../lib/api-types';
import { useAuth } from '../../../lib/auth';
import { useTitle } from '../../../lib/use-title';
import { login } from '../api/auth';

/** Only a path of this site: a redirect parameter never sends anyone elsewhere. */
function safeRedirect(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.startsWith('/login')) return '/';
  return value;
}

export function LoginPage() {
  useTitle('登录');
  const { me, status, signedIn, expired, ensure } = useAuth();
  useEffect(ensure, [ensure]);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const redirect = safeRedirect(params.get('redirect'));

  if (status === 'signed-in' && me) return <Navigate to={redirect} replace />;

  const submit = async (values: LoginRequest) => {
    setBusy(true);
    setError(null);
    try {
      const next = await login({ username: values.username.trim(), password: values.password });
      signedIn(next);
      // If the password must be changed first, the guard of the page asked for shows that form.
      navigate(redirect, { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-page" id="main-content">
      <Card className="login-card">
        <div className="login-brand">
          <span className="brand-mark" aria-hidden="true">
            督
          </span>
          <Typography.Title level={1} className="login-title">
            督办系统
          </Typography.Title>
        </div>
        <Typography.Paragraph type="secondary" className="login-sub">
          公文检索 · 任务督办 · 政策文件库
        </Typography.Paragraph>
        {expired && !error && <Alert type="warning" showIcon title="登录已失效，请重新登录" className="form-alert" />}
        {error && <Alert type="error" showIcon title={error} role="alert" className="form-alert" />}
        <Form<LoginRequest> layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        <div className="login-foot">
          <Link to="/public">访问公开政策文件库</Link>
        </div>
      </Card>
    </main>
  );
}
