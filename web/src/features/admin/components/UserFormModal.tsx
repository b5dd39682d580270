import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import type { PolicyTable, Role, UserView } from '../../../lib/api-types';
import { PERMISSION_LABEL, ROLE_LABEL, ROLES } from '../../../lib/labels';
import { newPasswordRule, PASSWORD_POLICY } from '../../../lib/password';
import { createUser, updateUser } from '../api/admin';
import { UnitSelect } from './UnitSelect';

interface Values {
  username: string;
  displayName: string;
  roles: Role[];
  unit: string | null;
  password?: string;
}

/**
 * The role checkboxes as a labelled group. Form.Item hands its control aria-required, which a
 * plain div may not carry; the group is named by the field's label instead.
 */
function RoleGroup({ id, value, onChange, children }: { id?: string; value?: Role[]; onChange?: (v: Role[]) => void; children: React.ReactNode }) {
  return (
    <div role="group" id={id} aria-label="角色">
      <Checkbox.Group className="role-checks" value={value} onChange={(v) => onChange?.(v as Role[])}>
        {children}
      </Checkbox.Group>
    </div>
  );
}

/** What each role may do, from the server's policy table when it is at hand. */
function roleHint(role: Role, policy: PolicyTable | undefined): string | null {
  if (!policy) return null;
  const perms = policy.permissions.filter((p) => p.roles.includes(role)).map((p) => p.label || PERMISSION_LABEL[p.permission]);
  return perms.length > 0 ? perms.join('、') : null;
}

/** 新增用户 (user null) or 编辑 (a user). Roles are checkboxes: one person may hold several. */
export function UserFormModal({ open, user, policy, onClose, onSaved }: { open: boolean; user: UserView | null; policy?: PolicyTable; onClose: () => void; onSaved: (u: UserView) => void }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const roles = Form.useWatch('roles', form) ?? [];
  const isUnit = roles.includes('unit');

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(user ? { username: user.username, displayName: user.displayName, roles: user.roles, unit: user.unit } : { roles: [], unit: null });
  }, [open, user, form]);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const unit = v.roles.includes('unit') ? (v.unit ?? undefined) : undefined;
      const saved = user
        ? await updateUser(user.id, { displayName: v.displayName.trim(), roles: v.roles, unit: unit ?? null })
        : await createUser({ username: v.username.trim(), displayName: v.displayName.trim(), roles: v.roles, unit, password: v.password ?? '' });
      onSaved(saved);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const labels = new Map(policy?.roles.map((r) => [r.role, r.label]));
  return (
    <Modal open={open} title={user ? `编辑用户：${user.username}` : '新增用户'} onCancel={onClose} onOk={() => void submit()} okText="保存" confirmLoading={busy} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} role="alert" className="form-alert" />}
      <Form form={form} layout="vertical" requiredMark autoComplete="off">
        <Form.Item
          label="用户名"
          name="username"
          rules={[
            { required: true, whitespace: true, message: '请输入用户名' },
            { pattern: /^[A-Za-z0-9_.-]{2,32}$/, message: '用户名为 2–32 位字母、数字或 _ . -' },
          ]}
          extra={user ? '用户名创建后不可修改' : undefined}
        >
          <Input disabled={Boolean(user)} autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="角色" name="roles" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个角色' }]} extra="一名用户可同时具有多个角色">
          <RoleGroup>
            {ROLES.map((r) => (
              <Checkbox key={r} value={r}>
                <span>{labels.get(r) ?? ROLE_LABEL[r]}</span>
                {roleHint(r, policy) && <span className="role-hint">（{roleHint(r, policy)}）</span>}
              </Checkbox>
            ))}
          </RoleGroup>
        </Form.Item>
        <Form.Item
          label="所属单位"
          name="unit"
          hidden={!isUnit}
          rules={[{ required: isUnit, message: '承办单位用户须选择所属单位' }]}
          extra="承办单位用户只能查看和办理本单位的任务"
        >
          <UnitSelect />
        </Form.Item>
        {!user && (
          <Form.Item
            label="初始密码"
            name="password"
            extra={`${PASSWORD_POLICY}；用户首次登录时须修改`}
            rules={[
              { required: true, message: '请输入初始密码' },
              newPasswordRule,
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
