import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Progress, Space, Upload, type UploadFile } from 'antd';
import { useRef, useState } from 'react';
import { PageContainer } from '../../../components/PageContainer';
import { ApiError, errorMessage, type UploadHandle } from '../../../lib/api-client';
import type { ImportOutcome } from '../../../lib/api-types';
import { ACCEPTED, importFiles } from '../api/imports';
import { OutcomeList } from '../components/OutcomeList';

type Phase = 'idle' | 'uploading' | 'processing' | 'done' | 'failed';

const extOk = (name: string) => ACCEPTED.some((ext) => name.toLowerCase().endsWith(ext));

export function ImportPage() {
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [phase, setPhase] = useState<Phase>('idle');
  const [sent, setSent] = useState(0);
  const [outcomes, setOutcomes] = useState<ImportOutcome[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [force, setForce] = useState(false);
  const handle = useRef<UploadHandle<ImportOutcome[]> | null>(null);
  const busy = phase === 'uploading' || phase === 'processing';

  const start = async () => {
    const list = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => Boolean(f));
    if (list.length === 0) return;
    setPhase('uploading');
    setSent(0);
    setError(null);
    setOutcomes(null);
    const h = importFiles(list, force, (share) => {
      setSent(share);
      // Every byte is sent: the server now reads the files, which the bar cannot measure.
      if (share >= 1) setPhase('processing');
    });
    handle.current = h;
    try {
      const result = await h.promise;
      setOutcomes(result);
      setPhase('done');
      setFiles([]);
      const failed = result.filter((o) => o.status === 'failed' || o.status === 'refused').length;
      if (failed > 0) message.warning(`导入完成，${failed} 个文件未能导入`);
      else message.success(`导入完成，共 ${result.length} 个文件`);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') {
        setPhase('idle');
        message.info('已取消上传');
      } else {
        setPhase('failed');
        setError(e instanceof ApiError ? e.message : errorMessage(e));
      }
    } finally {
      handle.current = null;
    }
  };

  return (
    <PageContainer title="导入" breadcrumb={[{ title: '首页', to: '/' }]}>
      <Card size="small" title={<h2 className="card-title">选择文件</h2>}>
        <Upload.Dragger
          multiple
          accept={ACCEPTED.join(',')}
          fileList={files}
          disabled={busy}
          beforeUpload={(file) => {
            if (!extOk(file.name)) {
              message.error(`${file.name}：不支持的文件类型，仅支持 ${ACCEPTED.join(' ')}`);
              return Upload.LIST_IGNORE;
            }
            // Kept here and sent together in one request when 开始导入 is pressed.
            return false;
          }}
          onChange={({ fileList }) => setFiles(fileList.map((f) => ({ ...f, status: undefined })))}
          onRemove={(file) => setFiles((list) => list.filter((f) => f.uid !== file.uid))}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">点击选择或将文件拖到此处</p>
          <p className="ant-upload-hint">支持公报、汇编、单份公文，格式为 .txt .docx .pdf .html .ofd，可一次选择多个文件</p>
        </Upload.Dragger>
        <Space className="import-actions" wrap>
          <Button type="primary" onClick={() => void start()} disabled={files.length === 0 || busy} loading={busy}>
            开始导入{files.length > 0 ? `（${files.length} 个文件）` : ''}
          </Button>
          {phase === 'uploading' && <Button onClick={() => handle.current?.abort()}>取消上传</Button>}
          {files.length > 0 && !busy && <Button onClick={() => setFiles([])}>清空列表</Button>}
          <Checkbox checked={force} disabled={busy} onChange={(e) => setForce(e.target.checked)}>
            未识别出公文的文件也保存
          </Checkbox>
        </Space>
        {busy && (
          <div className="import-progress" aria-live="polite">
            <Progress percent={Math.round(sent * 100)} status="active" aria-label="上传进度" />
            <div className="muted">{phase === 'uploading' ? '正在上传…' : '上传完成，服务器正在解析入库，请稍候…'}</div>
          </div>
        )}
        {error && <Alert type="error" showIcon title="导入失败" description={error} className="home-section" role="alert" />}
      </Card>
      {outcomes && (
        <Card size="small" className="home-section" title={<h2 className="card-title">导入结果</h2>}>
          <OutcomeList outcomes={outcomes} />
        </Card>
      )}
    </PageContainer>
  );
}
