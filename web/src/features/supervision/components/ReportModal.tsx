import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Modal, Progress, Typography, Upload, type UploadFile } from 'antd';
import { useRef, useState } from 'react';
import { ATTACHMENT_ACCEPT, ATTACHMENT_LIMITS, attachmentProblem } from '../../../../../src/api/report-attachments.ts';
import type { ReportRequest } from '../../../lib/api-types';
import { fileSize } from '../../../lib/format';

interface Props {
  open: boolean;
  busy?: boolean;
  /** The last report's percent: a new one starts from there. */
  percent?: number;
  onCancel: () => void;
  /** The report and its files; onProgress gets the share of the files' bytes sent. */
  onSubmit: (body: ReportRequest, files: File[], onProgress: (sent: number) => void) => Promise<boolean>;
}

/** 报送进展: what was done, what is in the way, what needs the office, what comes next, how far; files that show it. */
export function ReportModal({ open, busy, percent = 0, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<ReportRequest>();
  const [files, setFilesState] = useState<UploadFile[]>([]);
  // Several files chosen at once are checked one after another before the next render: each
  // against those taken before it, so the list is also kept where the checks can see it at once.
  const chosen = useRef<UploadFile[]>([]);
  const taken = useRef(0);
  const setFiles = (next: UploadFile[]) => {
    chosen.current = next;
    setFilesState(next);
  };
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<number | null>(null);

  const close = () => {
    setFiles([]);
    setProblem(null);
    setSent(null);
    onCancel();
  };
  const submit = async () => {
    const v = await form.validateFields();
    const picked = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => f !== undefined);
    setSent(picked.length > 0 ? 0 : null);
    const done = await onSubmit({ ...v, progress: v.progress.trim() }, picked, setSent);
    setSent(null);
    if (done) close();
  };
  /** Each file is checked as it is chosen, against what is already chosen, by the server's own rule. */
  const take = (file: File): boolean => {
    const list = chosen.current;
    const before = { files: list.length, bytes: list.reduce((n, f) => n + (f.size ?? 0), 0) };
    const why = attachmentProblem(file.name, file.size, before);
    setProblem(why);
    if (why === null) setFiles([...list, { uid: `attachment-${++taken.current}`, name: file.name, size: file.size, status: 'done', originFileObj: file as UploadFile['originFileObj'] }]);
    return false;
  };

  return (
    <Modal open={open} title="报送进展" okText="报送" cancelText="取消" okButtonProps={{ loading: busy }} onOk={() => void submit()} onCancel={close} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ progress: '', problems: '', coordination: '', nextSteps: '', percent }}>
        <Form.Item name="progress" label="工作进展" rules={[{ required: true, whitespace: true, message: '请填写工作进展' }]}>
          <Input.TextArea autoFocus rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="problems" label="问题困难">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="coordination" label="需协调事项">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="nextSteps" label="下一步工作">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="percent" label="完成百分比" rules={[{ required: true, message: '请填写完成百分比' }]}>
          <InputNumber min={0} max={100} precision={0} suffix="%" className="sv-percent" />
        </Form.Item>
        <Form.Item
          label="附件"
          extra={`照片、扫描件、文档或表格，最多 ${ATTACHMENT_LIMITS.files} 个，单个不超过 ${fileSize(ATTACHMENT_LIMITS.fileBytes)}，合计不超过 ${fileSize(ATTACHMENT_LIMITS.totalBytes)}`}
          validateStatus={problem ? 'error' : undefined}
          help={problem ?? undefined}
        >
          <Upload
            multiple
            accept={ATTACHMENT_ACCEPT}
            fileList={files}
            beforeUpload={take}
            onRemove={(f) => {
              setFiles(chosen.current.filter((x) => x.uid !== f.uid));
              setProblem(null);
            }}
            itemRender={(node, f) => (
              <div className="sv-attachment-pick">
                {node}
                <Typography.Text type="secondary" className="sv-attachment-size">
                  {fileSize(f.size ?? 0)}
                </Typography.Text>
              </div>
            )}
          >
            <Button icon={<PaperClipOutlined />} disabled={files.length >= ATTACHMENT_LIMITS.files}>
              选择附件
            </Button>
          </Upload>
        </Form.Item>
        {sent !== null && <Progress percent={Math.round(sent * 100)} size="small" aria-label="附件上传进度" />}
      </Form>
    </Modal>
  );
}
