// E-mail of notices (提醒单, 催办单 … as .docx) through the office's SMTP server, when an
// administrator configures one: DUBAN_SMTP_URL (smtp://user:password@host:587, smtps://… for
// TLS from the start; nodemailer's query options such as ?tls.rejectUnauthorized=false pass
// through) and DUBAN_SMTP_FROM (the sender, e.g. 督查室 <dcs@example.gov.cn>).
//
// Mail is a copy, never the record: a notice is in the unit's inbox whether or not its mail went
// out. So sending never throws: it answers {sent, error?}, the error one Chinese line to show
// or log (naming the server by host and port, never its password). Without DUBAN_SMTP_URL it
// does nothing at all and answers {sent: false}.
import { createTransport } from 'nodemailer';

export interface MailAttachment {
  filename: string;
  content: Buffer | Uint8Array;
  /** Guessed from the file name when left out. */
  contentType?: string;
}

export interface Notice {
  /** One address or several; display names allowed (张三 <zhang@example.gov.cn>). */
  to: string | readonly string[];
  subject: string;
  text: string;
  attachments?: readonly MailAttachment[];
}

export interface SendResult {
  sent: boolean;
  /** Why it was not sent (Chinese), when it was tried. */
  error?: string;
}

export interface Mailer {
  /** False when DUBAN_SMTP_URL is not set: sendNotice does nothing. */
  readonly configured: boolean;
  /** What is wrong with the configuration (Chinese), for the server's start-up log; null when it looks right. */
  readonly problem: string | null;
  sendNotice(notice: Notice): Promise<SendResult>;
  close(): void;
}

/** How long to wait for the server: a mail server that does not answer must not hold a notice's run. */
const CONNECTION_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 30_000;

const OFF: Mailer = { configured: false, problem: null, sendNotice: async () => ({ sent: false }), close: () => {} };

function refusing(problem: string): Mailer {
  return { configured: true, problem, sendNotice: async () => ({ sent: false, error: problem }), close: () => {} };
}

/** The mailer the environment configures. */
export function mailerFrom(env: Readonly<Record<string, string | undefined>>): Mailer {
  const url = env.DUBAN_SMTP_URL?.trim();
  if (!url) return OFF;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refusing('DUBAN_SMTP_URL 不是有效的地址：应形如 smtp://用户名:密码@mail.example.gov.cn:587 或 smtps://…:465，邮件未发送');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') return refusing(`DUBAN_SMTP_URL 应以 smtp:// 或 smtps:// 开头（现为 ${parsed.protocol}//），邮件未发送`);
  if (!parsed.hostname) return refusing('DUBAN_SMTP_URL 没有写邮件服务器的主机名，邮件未发送');
  const from = env.DUBAN_SMTP_FROM?.trim();
  if (!from) return refusing('已设置 DUBAN_SMTP_URL，但没有设置发件人 DUBAN_SMTP_FROM（如：督查室 <dcs@example.gov.cn>），邮件未发送');
  const server = `${parsed.hostname}:${parsed.port || (parsed.protocol === 'smtps:' ? '465' : '587')}`;

  const transport = createTransport({
    url,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: CONNECTION_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    // Attachments are bytes Duban made: never a path or a URL for nodemailer to read.
    disableFileAccess: true,
    disableUrlAccess: true,
  });

  return {
    configured: true,
    problem: null,
    async sendNotice(notice) {
      const to = (typeof notice.to === 'string' ? [notice.to] : [...notice.to]).map((a) => a.trim()).filter((a) => a !== '');
      if (to.length === 0) return { sent: false, error: '没有收件人的邮件地址，邮件未发送' };
      try {
        await transport.sendMail({
          from,
          to,
          subject: notice.subject,
          text: notice.text,
          attachments: (notice.attachments ?? []).map((a) => ({ filename: a.filename, content: Buffer.from(a.content), ...(a.contentType ? { contentType: a.contentType } : {}) })),
        });
        return { sent: true };
      } catch (e) {
        return { sent: false, error: mailFailure(e, server) };
      }
    },
    close: () => transport.close(),
  };
}

/** One Chinese line for a failed send; the server's own answer is kept (it says which address or limit). */
export function mailFailure(e: unknown, server: string): string {
  const err = (typeof e === 'object' && e !== null ? e : {}) as { code?: unknown; response?: unknown; message?: unknown };
  // nodemailer wraps the socket's own failure (ESOCKET); its errno is still in the message.
  const errno = typeof err.message === 'string' ? /\b(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET)\b/.exec(err.message)?.[1] : undefined;
  const code = errno ?? (typeof err.code === 'string' ? err.code : '');
  const answer = typeof err.response === 'string' && err.response !== '' ? `（服务器答复：${err.response.slice(0, 200)}）` : '';
  switch (code) {
    case 'ECONNREFUSED':
      return `无法连接邮件服务器 ${server}：连接被拒绝（地址或端口不对，或服务未启动），邮件未发送`;
    case 'ETIMEDOUT':
    case 'ETIMEOUT':
      return `邮件服务器 ${server} 没有按时应答，邮件未发送；请检查网络或稍后再试`;
    case 'EDNS':
    case 'ENOTFOUND':
      return `找不到邮件服务器 ${server}（主机名无法解析），邮件未发送`;
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'ECONNRESET':
      return `与邮件服务器 ${server} 的连接中断，邮件未发送${answer}`;
    case 'ETLS':
      return `与邮件服务器 ${server} 建立加密连接失败（证书或 TLS 设置），邮件未发送${answer}`;
    case 'EAUTH':
    case 'ENOAUTH':
      return `邮件服务器 ${server} 拒绝登录：请检查 DUBAN_SMTP_URL 中的用户名和密码，邮件未发送${answer}`;
    case 'EENVELOPE':
      return `邮件服务器 ${server} 拒收了发件人或收件人地址，邮件未发送${answer}`;
    case 'EMESSAGE':
      return `邮件服务器 ${server} 拒收了这封邮件（如附件过大），邮件未发送${answer}`;
    default: {
      const message = typeof err.message === 'string' ? err.message.split('\n', 1)[0]!.slice(0, 200) : String(e);
      return `邮件发送失败（${server}）：${message}${answer}`;
    }
  }
}
