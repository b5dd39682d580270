import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import type { ArchiveSettingsRequest } from '../../../lib/api-types';
import { errorMessage } from '../../../lib/api-client';
import { beijingTime } from '../../../lib/format';
import { useApi } from '../../../lib/use-api';
import { fetchArchiveSettings, RETENTIONS, saveArchiveSettings } from '../api/archive';
import '../incoming.css';

const retentionOptions = RETENTIONS.map((r) => ({ value: r, label: r }));

/**
 * 归档设置 for the administrator: the 全宗号 the archives gave, the 全宗名称, the 机构（问题）
 * classes if the office files by them (then every 档号 carries one), and the default 保管期限.
 * Saving keeps the old settings in the history (and the audit log).
 */
export function ArchiveSettingsPage() {
  const { message } = App.useApp();
  const state = useApi((signal) => fetchArchiveSettings(signal), []);
  const [form] = Form.useForm<ArchiveSettingsRequest>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: ArchiveSettingsRequest) => {
    setBusy(true);
    try {
      await saveArchiveSettings({ ...v, units: v.units ?? [] });
      message.success('归档设置已保存');
      state.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const s = state.data?.settings;
  return (
    <PageContainer title="归档设置" breadcrumb={[{ title: '首页', to: '/' }]}>
      {state.error ? (
        <ErrorResult error={state.error} onRetry={state.reload} />
      ) : !state.data ? (
        <Skeleton active />
      ) : (
        <Card size="small">
          {s && (
            <Typography.Paragraph type="secondary">
              现行设置由 {s.setBy} 于 {beijingTime(s.setAt)} 保存。
            </Typography.Paragraph>
          )}
          <Form<ArchiveSettingsRequest>
            form={form}
            layout="vertical"
            className="inc-archive-settings"
            initialValues={s ? { fondsCode: s.fondsCode, fondsName: s.fondsName, units: s.units, defaults: s.defaults } : { fondsCode: '', fondsName: '', units: [], defaults: state.data.defaults }}
            onFinish={(v) => void submit(v)}
          >
            <Form.Item name="fondsCode" label="全宗号" extra="档案馆给本机关的代号，字母与数字，如 X001" rules={[{ required: true, whitespace: true, message: '请填写全宗号' }, { pattern: /^\s*[A-Za-z0-9]{1,10}\s*$/, message: '全宗号应为 1 至 10 位字母或数字' }]}>
              <Input maxLength={10} />
            </Form.Item>
            <Form.Item name="fondsName" label="全宗名称" extra="立档单位的全称或规范化简称，印在归档文件目录上" rules={[{ required: true, whitespace: true, message: '请填写全宗名称' }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item label="机构（问题）" extra="按机构（问题）分类时填写；不填则档号中不含此级">
              <Form.List name="units">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f) => (
                      <Space key={f.key} align="baseline" wrap>
                        <Form.Item name={[f.name, 'code']} rules={[{ required: true, message: '代码' }, { pattern: /^\s*[A-Za-z0-9]{1,8}\s*$/, message: '1 至 8 位字母或数字' }]}>
                          <Input placeholder="代码，如 BGS" aria-label="机构代码" maxLength={8} style={{ width: 130 }} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '名称' }]}>
                          <Input placeholder="名称，如 办公室" aria-label="机构名称" maxLength={40} style={{ width: 180 }} />
                        </Form.Item>
                        <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label="删除此机构" />
                      </Space>
                    ))}
                    <Button icon={<PlusOutlined />} onClick={() => add({ code: '', name: '' })}>
                      添加机构（问题）
                    </Button>
                  </>
                )}
              </Form.List>
            </Form.Item>
            <Space wrap size="large">
              <Form.Item name={['defaults', '办件']} label="办件默认保管期限">
                <Select options={retentionOptions} style={{ width: 140 }} aria-label="办件默认保管期限" />
              </Form.Item>
              <Form.Item name={['defaults', '阅件']} label="阅件默认保管期限">
                <Select options={retentionOptions} style={{ width: 140 }} aria-label="阅件默认保管期限" />
              </Form.Item>
              <Form.Item name={['defaults', '退回']} label="退回件默认保管期限">
                <Select options={retentionOptions} style={{ width: 140 }} aria-label="退回件默认保管期限" />
              </Form.Item>
            </Space>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                保存
              </Button>
            </Form.Item>
          </Form>
        </Card>
      )}
    </PageContainer>
  );
}
