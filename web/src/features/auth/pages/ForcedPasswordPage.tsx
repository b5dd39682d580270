import { Alert, App, Button, Card, Typography } from 'antd';
import { useAuth } from '../../../lib/auth';
import { useTitle } from '../../../lib/use-title';
import { ChangePasswordForm } from '../components/ChangePasswordForm';

/** Shown instead of any page while the account still has a password an administrator set. */
export function ForcedPasswordPage() {
  useTitle('修改初始密码');
  const { me, refresh, signOut } = useAuth();
  const { message } = App.useApp();
  return (
    <main className="login-page" id="main-content">
      <Card className="login-card">
        <Typography.Title level={1} className="login-title">
          修改初始密码
        </Typography.Title>
        <Alert
          type="info"
          showIcon
          className="form-alert"
          title={`${me?.user.displayName ?? ''}，您的密码由管理员设置或已被重置，请先修改密码再继续使用。`}
        />
        <ChangePasswordForm
          submitText="修改并继续"
          onDone={() => {
            message.success('密码已修改');
            void refresh();
          }}
        />
        <div className="login-foot">
          <Button type="link" onClick={() => void signOut()}>
            退出登录
          </Button>
        </div>
      </Card>
    </main>
  );
}
