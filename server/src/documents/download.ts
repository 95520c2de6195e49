// Download headers shared by spreadsheets and 公文: the Chinese file name survives every browser.
import { type Clock, shanghaiToday } from '../platform/clock.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** RFC 6266: an ASCII fallback for old clients and the real (Chinese) name in filename*. */
export function attachmentDisposition(fileName: string): string {
  const extension = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.')).replace(/[^.a-z0-9]/gi, '') : '';
  return `attachment; filename="download${extension}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** `整改台账` → `整改台账_20260615.xlsx` (Shanghai date), so repeated downloads sort and do not collide. */
export function datedFileName(base: string, extension: string, clock: Clock): string {
  const cleaned = base.replace(/[\\/:*?"<>|\r\n]/g, '_');
  return `${cleaned}_${shanghaiToday(clock).replaceAll('-', '')}.${extension}`;
}
