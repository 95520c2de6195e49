// Uploads with progress: fetch cannot report how much of a request body has been sent, so imports
// go through XMLHttpRequest, whose upload events do. Errors decode like every other call (ApiError).
import type { ErrorBody } from '@xuncha/contracts';
import { ApiError, CSRF_HEADER } from '../app/api.ts';

function errorOf(xhr: XMLHttpRequest): ApiError {
  try {
    return new ApiError(xhr.status, JSON.parse(xhr.responseText) as Partial<ErrorBody>);
  } catch {
    return new ApiError(xhr.status, {});
  }
}

/** POSTs the form; `onProgress` gets the percent of the body sent (0–100). Resolves with the JSON answer. */
export function uploadWithProgress<T>(path: string, form: FormData, onProgress: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(CSRF_HEADER)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) return reject(errorOf(xhr));
      try {
        resolve((xhr.status === 204 ? undefined : JSON.parse(xhr.responseText)) as T);
      } catch {
        reject(new ApiError(xhr.status, { message: '服务器返回的内容无法识别，请稍后重试' }));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, { message: '无法连接服务器，请检查网络后重试' }));
    xhr.onabort = () => reject(new ApiError(0, { message: '上传已取消' }));
    xhr.send(form);
  });
}
