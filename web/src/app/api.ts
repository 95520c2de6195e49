// The one place that talks HTTP. Every call goes through `request` so cookies, JSON headers,
// error decoding and the "session expired → login" rule behave the same everywhere.
import type { ErrorBody, FieldError } from '@xuncha/contracts';
import { z } from 'zod';

// The server's Content-Security-Policy allows no eval. zod 4 probes for it with `new Function` the
// first time it validates, which the browser reports as a CSP violation even though zod then falls
// back; jitless skips the probe. Set here, as this module loads before anything validates.
z.config({ jitless: true });

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldError[];

  constructor(status: number, body: Partial<ErrorBody>) {
    super(body.message ?? `请求失败（${status}）`);
    this.status = status;
    this.code = body.code ?? 'internal';
    this.details = body.details ?? [];
  }
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** The app shell registers what to do when the session is gone (clear the user, go to /login). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

// A wrong password is also a 401, but it must be shown on the login form, not trigger a redirect.
const PATHS_WITHOUT_REDIRECT = ['/api/auth/login', '/api/auth/me'];

/**
 * Sent on every call: the server refuses a state-changing API call without it (CSRF defence — a page
 * of another site cannot add a custom header to a request to us). API clients send it too.
 */
export const CSRF_HEADER = { 'X-Xuncha-Csrf': '1' } as const;

export type QueryParams = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, params?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

async function decodeError(res: Response): Promise<ApiError> {
  try {
    return new ApiError(res.status, (await res.json()) as Partial<ErrorBody>);
  } catch {
    return new ApiError(res.status, {});
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...CSRF_HEADER },
  };
  if (body instanceof FormData) {
    // The browser sets the multipart boundary itself; setting Content-Type here would break it.
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError(0, { message: '无法连接服务器，请检查网络后重试' });
  }
  // the login steps after the password (second factor, enrolment) answer a wrong code with 401 too
  const loginStep = path.startsWith('/api/auth/login/');
  if (res.status === 401 && !PATHS_WITHOUT_REDIRECT.includes(path) && !loginStep) onUnauthorized();
  if (!res.ok) throw await decodeError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, params?: QueryParams) => request<T>('GET', withQuery(path, params)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : '操作失败，请稍后重试';
}
