import { App, Modal } from 'antd';
import { ChangePasswordForm } from './ChangePasswordForm';

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  return (
    <Modal open={open} title="修改密码" onCancel={onClose} footer={null} destroyOnHidden>
      <ChangePasswordForm
        onCancel={onClose}
        onDone={() => {
          message.success('密码已修改');
          onClose();
        }}
      />
    </Modal>
  );
}
