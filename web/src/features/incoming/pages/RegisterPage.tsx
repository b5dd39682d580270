import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Checkbox, Form, Progress, Space, Upload, type UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer';
import { errorMessage, type UploadHandle } from '../../../lib/api-client';
import type { RegisterResult } from '../../../lib/api-types';
import { ACCEPTED, registerFiles, SERIES_CHOICES, VIA_CHOICES } from '../api/incoming';
import { FailureList } from '../components/FailureList';
import { RegistrationCard } from '../components/RegistrationCard';
import '../incoming.css';

type Phase = 'idle' | 'uploading' | 'processing' | 'done' | 'failed';

const extOk = (name: string) => ACCEPTED.some((ext) => name.toLowerCase().endsWith(ext));
const options = (values: readonly string[]) => values.map((value) => ({ value }));
/** The server takes a series of one to six Chinese characters (党, 政, 收 …), brackets optional. */
const SERIES_RULE = /^[（(〔[【]?\s*[\u4e00-\u9fff]{1,6}\s*[）)〕\]】]?$/;

/** 收文登记: received files are dropped here; each comes back as its prefilled slip beside its text, or with why it was not registered. */
export function RegisterPage() {
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [series, setSeries] = useState('');
  const [via, setVia] = useState('');
  const [force, setForce] = useState(false);
  const [phase, setPhase] = useState<Phase>('idle');
  const [sent, setSent] = useState(0);
  const [result, setResult] = useState<RegisterResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const handle = useRef<UploadHandle<RegisterResult> | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const busy = phase === 'uploading' || phase === 'processing';
  const seriesBad = series.trim() !== '' && !SERIES_RULE.test(series.trim());

  // The results lie below the drop zone: they are brought into view, and focus goes to their
  // heading, so a keyboard or screen reader user goes on from what was registered.
  useEffect(() => {
    if (!result) return;
    resultsHeading.current?.focus({ preventScroll: true });
    resultsHeading.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [result]);

  const start = async () => {
    const list = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => Boolean(f));
    if (list.length === 0 || seriesBad) return;
    setPhase('uploading');
    setSent(0);
    setError(null);
    setResult(null);
    const h = registerFiles(list, { channel: series.trim() || undefined, via: via.trim() || undefined, force }, (share) => {
      setSent(share);
      // Every byte is sent: the server now reads and registers the files, which the bar cannot measure.
      if (share >= 1) setPhase('processing');
    });
    handle.current = h;
    try {
      const r = await h.promise;
      setResult(r);
      setPhase('done');
      setFiles([]);
      if (r.failed.length > 0) message.warning(`登记 ${r.registered.length} 份，${r.failed.length} 个文件未登记`);
      else message.success(`已登记 ${r.registered.length} 份收文`);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') {
        setPhase('idle');
        message.info('已取消上传');
      } else {
        setPhase('failed');
        setError(errorMessage(e));
      }
    } finally {
      handle.current = null;
    }
  };

  return (
    <PageContainer title="收文登记" breadcrumb={[{ title: '首页', to: '/' }]} extra={<Link to="/incoming">查看收文簿</Link>}>
      <Card size="small" title={<h2 className="card-title">签收文件</h2>}>
        <Form layout="inline" className="inc-register-form">
          <Form.Item label="渠道" htmlFor="inc-series" validateStatus={seriesBad ? 'error' : undefined} help={seriesBad ? '渠道为一至六个汉字，如 党、政' : undefined}>
            <AutoComplete
              id="inc-series"
              value={series}
              onChange={setSeries}
              options={options(SERIES_CHOICES)}
              placeholder="按批办单，或默认“收”"
              allowClear
              disabled={busy}
              className="inc-field"
            />
          </Form.Item>
          <Form.Item label="来文方式" htmlFor="inc-via">
            <AutoComplete id="inc-via" value={via} onChange={setVia} options={options(VIA_CHOICES)} placeholder="如 内网、纸质" allowClear disabled={busy} className="inc-field" />
          </Form.Item>
          <Form.Item>
            <Checkbox checked={force} disabled={busy} onChange={(e) => setForce(e.target.checked)}>
              已登记过的公文也再次登记
            </Checkbox>
          </Form.Item>
        </Form>
        <Upload.Dragger
          multiple
          accept={ACCEPTED.join(',')}
          fileList={files}
          disabled={busy}
          className="inc-dropzone"
          beforeUpload={(file) => {
            if (!extOk(file.name)) {
              message.error(`${file.name}：不支持的文件类型，仅支持 ${ACCEPTED.join(' ')}`);
              return Upload.LIST_IGNORE;
            }
            // Kept here and sent together when 登记 is pressed.
            return false;
          }}
          onChange={({ fileList }) => setFiles(fileList.map((f) => ({ ...f, status: undefined })))}
          onRemove={(file) => setFiles((list) => list.filter((f) => f.uid !== file.uid))}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">点击选择或将收到的文件拖到此处</p>
          <p className="ant-upload-hint">格式为 .txt .docx .pdf .html .ofd，可一次选择多个文件；涉密文件不在此登记</p>
        </Upload.Dragger>
        <Space className="import-actions" wrap>
          <Button type="primary" onClick={() => void start()} disabled={files.length === 0 || busy || seriesBad} loading={busy}>
            签收登记{files.length > 0 ? `（${files.length} 个文件）` : ''}
          </Button>
          {phase === 'uploading' && <Button onClick={() => handle.current?.abort()}>取消上传</Button>}
          {files.length > 0 && !busy && <Button onClick={() => setFiles([])}>清空列表</Button>}
        </Space>
        {busy && (
          <div className="import-progress" aria-live="polite">
            <Progress percent={Math.round(sent * 100)} status="active" aria-label="上传进度" />
            <div className="muted">{phase === 'uploading' ? '正在上传…' : '上传完成，正在读取公文并登记，请稍候…'}</div>
          </div>
        )}
        {error && <Alert type="error" showIcon title="登记失败" description={error} className="home-section" role="alert" />}
      </Card>
      {result && (
        <section className="home-section inc-results" aria-label="登记结果">
          <h2 className="inc-section-title" ref={resultsHeading} tabIndex={-1}>
            登记结果：登记 {result.registered.length} 份{result.failed.length > 0 ? `，未登记 ${result.failed.length} 个文件` : ''}
          </h2>
          <FailureList failures={result.failed} />
          <Space orientation="vertical" size={16} className="full-width">
            {result.registered.map((r) => (
              <RegistrationCard key={r.id} incoming={r} />
            ))}
          </Space>
        </section>
      )}
    </PageContainer>
  );
}
