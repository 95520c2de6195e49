// Shared pieces of the public-report tests: filing through the real multipart endpoint, a tiny PNG, and
// row counts for "nothing was written" checks.
import type { Harness } from '../../test/harness.ts';
import { type MultipartFile, multipart } from '../../test/multipart.ts';

/** A valid PNG header and some bytes: passes the magic-byte check. */
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('图片内容PNGDATA'),
]);
export const png = (filename = '现场照片.png'): MultipartFile => ({ filename, content: PNG, field: 'files' });

export const reportFields = (inspectionId: string, overrides: Record<string, string> = {}) => ({
  inspectionId,
  kind: 'report',
  text: '反映某学校食堂采购价格明显高于市场价，请巡察组核实。',
  anonymous: 'false',
  contactName: '王某',
  contactPhone: '13900000000',
  ...overrides,
});

export function postReport(h: Harness, fields: Record<string, string>, files: MultipartFile[] = []) {
  const body = multipart(fields, files);
  return h.anonymous.request({
    method: 'POST',
    url: '/api/public/reports',
    payload: body.payload,
    headers: body.headers,
  });
}

/** Files a report and returns its receipt code and id (the newest report of the inspection). */
export async function fileReport(h: Harness, fields: Record<string, string>, files: MultipartFile[] = []) {
  const res = await postReport(h, fields, files);
  if (res.statusCode !== 200) throw new Error(`file report: ${res.statusCode} ${res.body}`);
  const row = await h.database.db
    .selectFrom('public_report')
    .select('id')
    .orderBy('filed_at', 'desc')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  return { code: res.json().code as string, id: row.id };
}

export const statusOf = (h: Harness, code: string) => h.anonymous.post('/api/public/reports/status', { code });

export async function count(
  h: Harness,
  table: 'public_report' | 'public_report_attachment' | 'public_report_event' | 'public_report_grant' | 'audit_entry',
) {
  const row = await h.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
