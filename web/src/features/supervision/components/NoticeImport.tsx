import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-client';
import type { NoticeResult } from '../../../lib/api-types';
import { fileAsBase64, importNotice } from '../api/rules-calendar';

/** The largest notice file the server takes (its body limit, after base64). */
const MAX_FILE_BYTES = 512 * 1024;

/** The import of the State Council's yearly holiday notice: paste its text or choose its file. */
export function NoticeImport({ onImported }: { onImported: (result: NoticeResult) => void }) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<{ error: string; list: string[] } | null>(null);

  const send = async (body: Parameters<typeof importNotice>[0]) => {
    setBusy(true);
    setProblems(null);
    try {
      const result = await importNotice(body);
      message.success(result.unchanged ? `${result.year.year}年的安排与已导入的相同，未改动` : `已导入${result.year.year}年的节假日安排`);
      setText('');
      onImported(result);
    } catch (e) {
      const list = e instanceof ApiError && typeof e.body === 'object' && e.body !== null && Array.isArray((e.body as { problems?: unknown }).problems) ? ((e.body as { problems: string[] }).problems) : [];
      setProblems({ error: list.length > 1 ? '未导入：通知中有以下问题' : errorMessage(e), list: list.length > 1 ? list : [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="导入国务院办公厅节假日安排通知">
      <Space direction="vertical" size="small" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          粘贴“国务院办公厅关于××××年部分节假日安排的通知”全文，或上传通知文件（.txt .docx .pdf .ofd .html）。同一年份再次导入即替换，之前的导入保留在记录中。
        </Typography.Text>
        <Input.TextArea
          aria-label="通知全文"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 4, maxRows: 12 }}
          placeholder={'国务院办公厅关于2027年部分节假日安排的通知\n……\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n……'}
        />
        {problems && (
          <Alert
            type="error"
            showIcon
            title={problems.error}
            description={problems.list.length > 0 ? <ul className="notice-problems">{problems.list.map((p) => <li key={p}>{p}</li>)}</ul> : undefined}
          />
        )}
        <Space wrap>
          <Button type="primary" loading={busy} disabled={text.trim() === ''} onClick={() => void send({ text })}>
            导入粘贴的通知
          </Button>
          <Upload
            accept=".txt,.docx,.pdf,.ofd,.html,.htm"
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size > MAX_FILE_BYTES) {
                setProblems({ error: `文件过大：通知文件不能超过 ${MAX_FILE_BYTES / 1024} KB`, list: [] });
                return Upload.LIST_IGNORE;
              }
              void fileAsBase64(file).then((content) => send({ file: { name: file.name, content } }));
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy}>
              上传通知文件
            </Button>
          </Upload>
        </Space>
      </Space>
    </Card>
  );
}
