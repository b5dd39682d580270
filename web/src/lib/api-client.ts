// The one way the browser talks to the server: same-origin fetch with the session cookie, JSON
// in and out, the CSRF token on every write, and every failure turned into an ApiError whose
// message is Chinese and fit to show as it is.

export class ApiError extends Error {
  readonly status: number;
  /** The server's answer as sent, for a page that shows more than the message (a notice's problems). */
  readonly body: unknown;
  constructor(status: number, message: string, body?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

/** status 0: the request never reached the server (network down, server stopped). */
const FALLBACK: Record<number, string> = {
  0: '无法连接服务器，请检查网络后重试',
  400: '提交的内容有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '无权执行此操作',
  404: '未找到请求的内容',
  409: '数据已存在或已被他人修改，请刷新后重试',
  413: '文件超过允许的大小',
  429: '操作过于频繁，请稍后再试',
};

const hasChinese = /[\u4e00-\u9fff]/;

/** The server's own message when it is written for a person (Chinese), else one by status. */
function messageFor(status: number, body: unknown): string {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error === 'string' && hasChinese.test(error)) return error;
  return FALLBACK[status] ?? (status >= 500 ? '服务器暂时无法处理请求，请稍后重试' : `请求失败（${status}）`);
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return FALLBACK[0]!;
}

let csrfToken: string | null = null;
/** The token of the current session, from /api/auth/me or login; null once signed out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const unauthorizedListeners = new Set<() => void>();
/** Called whenever a call answers 401: the session is gone, so the app goes to the sign-in page. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

export function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** A 401 here is an answer, not a lost session (sign-in, the first look at /api/auth/me). */
  expect401?: boolean;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path + queryString(options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, FALLBACK[0]!);
  }
  const body = await readBody(response);
  if (!response.ok) {
    if (response.status === 401 && !options.expect401) for (const listener of unauthorizedListeners) listener();
    throw new ApiError(response.status, messageFor(response.status, body), body);
  }
  return body as T;
}

export const get = <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => request<T>(path, { query, signal });
export const post = <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} });
export const patch = <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body });
export const put = <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body });

export interface UploadHandle<T> {
  promise: Promise<T>;
  abort: () => void;
}

/**
 * A multipart upload through XMLHttpRequest, because fetch reports no upload progress; `fields`
 * are sent beside the files (a report's text with its attachments).
 * onProgress gets the share of bytes sent (0–1); the server's work after that is not measured.
 */
export function upload<T>(path: string, files: readonly File[], field: string, onProgress: (sent: number) => void, fields: Record<string, string> = {}): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    const form = new FormData();
    // The fields go first, so the server has them before the files' bytes.
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const file of files) form.append(field, file, file.name);
    xhr.open('POST', path);
    xhr.withCredentials = false; // same origin: the cookie goes anyway
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = xhr.responseText;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        /* not JSON: keep the text */
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as T);
        return;
      }
      if (xhr.status === 401) for (const listener of unauthorizedListeners) listener();
      reject(new ApiError(xhr.status, messageFor(xhr.status, body)));
    };
    xhr.onerror = () => reject(new ApiError(0, FALLBACK[0]!));
    xhr.onabort = () => reject(new DOMException('上传已取消', 'AbortError'));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
