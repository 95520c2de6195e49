// Downloads a file the server generates (exports, templates, 公文): fetch with the session cookie,
// read the body as it streams so the user sees progress, save it under the server's file name.
import type { ErrorBody } from '@xuncha/contracts';
import { CSRF_HEADER, type QueryParams, withQuery } from '../app/api.ts';

/** The name from `filename*=UTF-8''…` (Chinese), else `filename="…"`, else the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

async function failure(res: Response): Promise<Error> {
  if (res.status === 401) return new Error('登录已失效，请重新登录后再下载');
  try {
    const body = (await res.json()) as Partial<ErrorBody>;
    return new Error(body.message ?? `下载失败（${res.status}）`);
  } catch {
    return new Error(`下载失败（${res.status}）`);
  }
}

/** Fetches and saves; `onProgress` gets the bytes received so far. Throws an Error with a Chinese message. */
export async function downloadFile(
  path: string,
  query: QueryParams | undefined,
  fallbackName: string,
  onProgress: (bytes: number) => void,
): Promise<string> {
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), { credentials: 'same-origin', headers: CSRF_HEADER });
  } catch {
    throw new Error('无法连接服务器，请检查网络后重试');
  }
  if (!res.ok || !res.body) throw await failure(res);
  const reader = res.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new Error('下载中断，请重试');
    });
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received);
  }
  const fileName = fileNameOf(res.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(new Blob(chunks, { type: res.headers.get('Content-Type') ?? undefined }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // give the browser a moment to start saving before the blob is released
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
