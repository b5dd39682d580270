// Notices by e-mail (src/notify/mail.ts) against a real SMTP server on the loopback (smtp-server):
// a notice with its .docx arrives whole — subject, text, recipient and the attachment's bytes,
// opened back with mammoth — and every failure is an answer in Chinese, never an exception;
// without configuration nothing is sent.
import type { AddressInfo } from 'node:net';
import { Document, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailerFrom } from '../src/notify/mail.ts';
import { decodeWords, leaves, param, parsePart, startSmtpSink, type SmtpSink } from './mail-parse.ts';

let sink: SmtpSink;
let port = 0;
const received: SmtpSink['received'] = [];

beforeAll(async () => {
  sink = await startSmtpSink();
  port = sink.port;
  // One list for the whole file: each test counts what arrived after it started.
  sink.received = received;
});
afterAll(() => sink.close());

const env = (extra: Record<string, string> = {}) => ({ DUBAN_SMTP_URL: `smtp://dcs:${encodeURIComponent('p@ss:word')}@127.0.0.1:${port}`, DUBAN_SMTP_FROM: '督查室 <dcs@duban.example>', ...extra });


async function noticeDocx(lines: string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: lines.map((text) => new Paragraph(text)) }] }));
}

describe('mail of notices', () => {
  it('delivers a notice with its .docx: subject, text, recipients and the attachment, byte for byte', async () => {
    const lines = ['催办单', '催办〔2026〕12号', '市住建局：', '你单位牵头的“城市内涝隐患排查”已超过完成时限，请于3个工作日内报送进展。'];
    const docx = await noticeDocx(lines);
    const mailer = mailerFrom(env());
    expect({ configured: mailer.configured, problem: mailer.problem }).toEqual({ configured: true, problem: null });
    const before = received.length;
    const result = await mailer.sendNotice({
      to: ['住建局 <zjj@duban.example>', 'fgld@duban.example'],
      subject: '催办单 催办〔2026〕12号：城市内涝隐患排查',
      text: '市住建局：\n请查收附件中的催办单，并于3个工作日内报送进展。\n督查室',
      attachments: [{ filename: '催办〔2026〕12号.docx', content: docx }],
    });
    mailer.close();
    expect(result).toEqual({ sent: true });
    expect(received).toHaveLength(before + 1);
    const mail = received.at(-1)!;
    expect(mail.from).toBe('dcs@duban.example');
    expect(mail.to).toEqual(['zjj@duban.example', 'fgld@duban.example']);
    const message = parsePart(mail.raw);
    expect(decodeWords(message.headers.get('subject')!)).toBe('催办单 催办〔2026〕12号：城市内涝隐患排查');
    expect(decodeWords(message.headers.get('from')!)).toContain('督查室');
    const parts = leaves(message);
    const text = parts.find((p) => /^text\/plain/i.test(p.headers.get('content-type') ?? ''))!;
    expect(text.body.toString('utf8').replace(/\r\n/g, '\n')).toBe('市住建局：\n请查收附件中的催办单，并于3个工作日内报送进展。\n督查室');
    const attached = parts.find((p) => /attachment/i.test(p.headers.get('content-disposition') ?? ''))!;
    expect(param(attached.headers.get('content-disposition')!, 'filename')).toBe('催办〔2026〕12号.docx');
    expect(attached.headers.get('content-type')).toMatch(/^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document/);
    expect(attached.body.equals(docx)).toBe(true);
    const opened = await mammoth.extractRawText({ buffer: attached.body });
    expect(opened.value.split('\n').filter((l) => l.trim() !== '')).toEqual(lines);
  });

  it('does nothing when no server is configured', async () => {
    const before = received.length;
    for (const e of [{}, { DUBAN_SMTP_URL: '  ', DUBAN_SMTP_FROM: 'x@duban.example' }]) {
      const mailer = mailerFrom(e);
      expect(mailer.configured).toBe(false);
      expect(await mailer.sendNotice({ to: 'zjj@duban.example', subject: '提醒单', text: '请按期办结' })).toEqual({ sent: false });
    }
    expect(received).toHaveLength(before);
  });

  it('answers a wrong configuration in Chinese, and sends nothing', async () => {
    const before = received.length;
    const cases: [Record<string, string>, RegExp][] = [
      [{ DUBAN_SMTP_URL: `smtp://127.0.0.1:${port}` }, /DUBAN_SMTP_FROM/],
      [{ DUBAN_SMTP_URL: 'not a url', DUBAN_SMTP_FROM: 'a@duban.example' }, /DUBAN_SMTP_URL 不是有效的地址/],
      [{ DUBAN_SMTP_URL: `http://127.0.0.1:${port}`, DUBAN_SMTP_FROM: 'a@duban.example' }, /smtp:\/\/ 或 smtps:\/\//],
    ];
    for (const [e, message] of cases) {
      const mailer = mailerFrom(e);
      expect(mailer.problem).toMatch(message);
      const r = await mailer.sendNotice({ to: 'zjj@duban.example', subject: '提醒单', text: '请按期办结' });
      expect(r.sent).toBe(false);
      expect(r.error).toMatch(message);
    }
    expect(received).toHaveLength(before);
  });

  it('answers a refused recipient, a wrong password, a closed port and no recipient in Chinese, never throwing, never naming the password', async () => {
    const notice = { subject: '督办单', text: '请于5个工作日内办结' };
    const refused = await mailerFrom(env()).sendNotice({ ...notice, to: 'nobody@refused.example' });
    expect(refused.sent).toBe(false);
    expect(refused.error).toMatch(/^邮件服务器 127\.0\.0\.1:\d+ 拒收了发件人或收件人地址，邮件未发送（服务器答复：.*nobody@refused\.example/);

    const wrong = await mailerFrom(env({ DUBAN_SMTP_URL: `smtp://dcs:wrong@127.0.0.1:${port}` })).sendNotice({ ...notice, to: 'zjj@duban.example' });
    expect(wrong.sent).toBe(false);
    expect(wrong.error).toMatch(/拒绝登录：请检查 DUBAN_SMTP_URL 中的用户名和密码/);
    expect(wrong.error).not.toContain('wrong');

    // A port nothing listens on: the server's own, after it is closed.
    const closed = new SMTPServer({ logger: false });
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refusedConnection = await mailerFrom(env({ DUBAN_SMTP_URL: `smtp://dcs:secret@127.0.0.1:${deadPort}` })).sendNotice({ ...notice, to: 'zjj@duban.example' });
    expect(refusedConnection).toEqual({ sent: false, error: `无法连接邮件服务器 127.0.0.1:${deadPort}：连接被拒绝（地址或端口不对，或服务未启动），邮件未发送` });

    expect(await mailerFrom(env()).sendNotice({ ...notice, to: [' '] })).toEqual({ sent: false, error: '没有收件人的邮件地址，邮件未发送' });
  });
});
