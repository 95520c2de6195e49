// Attachments of 了解情况 records: upload by whoever may change the record, type and size checked by
// content, download as an attachment, audited; a sensitive record's files need the same permission as
// its notes. Every refusal leaves neither a row nor a file behind.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { type MultipartFile, multipart } from '../../test/multipart.ts';
import { addFieldworkUsers, bodies, countTable, listUrl } from './fieldwork.test-support.ts';

let h: Harness;
let interviewId: string;
let meetingId: string;
let rectifyingId: string;
let attachmentId: string;

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const NOTE_FILE = '孙丽谈话笔录.pdf';

async function filesOnDisk(): Promise<string[]> {
  if (!existsSync(h.filesDir)) return [];
  const entries = await readdir(h.filesDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function upload(username: string | null, recordId: string, file?: MultipartFile) {
  const client = username ? await h.as(username) : h.anonymous;
  return client.request({ method: 'POST', url: `/api/fieldwork/${recordId}/attachments`, ...multipart({}, file) });
}

beforeAll(async () => {
  h = await createHarness();
  await addFieldworkUsers(h);
  const zuyuan = await h.as('zuyuan');
  interviewId = (await zuyuan.post(listUrl(h.demo.jiaoyuInspectionId), bodies.interview())).json().id;
  meetingId = (await zuyuan.post(listUrl(h.demo.jiaoyuInspectionId), bodies.meeting())).json().id;
  // a record of the inspection in 整改: written straight to the table, the API refuses that phase
  const record = await h.database.db
    .insertInto('fieldwork_record')
    .values({
      committee_id: h.demo.committeeId,
      inspection_id: h.demo.zhujianInspectionId,
      unit_id: h.demo.units.zhujian as string,
      seq: sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM fieldwork_record WHERE inspection_id = ${h.demo.zhujianInspectionId})`,
      kind: 'visit',
      title: '走访施工现场',
      occurred_on: '2026-02-10',
      sensitive: false,
      summary: '现场查看在建项目。',
      details: JSON.stringify({ target: '城南安置房项目' }),
      created_by: h.demo.users.zuzhang as string,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  rectifyingId = record.id;
});
afterAll(() => h.close());

describe('POST /api/fieldwork/:id/attachments', () => {
  it('stores the file with its digest; the audit entry names no file', async () => {
    const res = await upload('zuyuan', interviewId, { filename: NOTE_FILE, content: PDF });
    expect(res.statusCode, res.body).toBe(200);
    attachmentId = res.json().id;
    expect(res.json()).toMatchObject({
      fileName: NOTE_FILE,
      size: PDF.length,
      mime: 'application/pdf',
      uploadedByName: '钱进',
    });
    const row = await h.database.db
      .selectFrom('fieldwork_attachment')
      .select(['sm3'])
      .where('id', '=', attachmentId)
      .executeTakeFirstOrThrow();
    expect(row.sm3).toBe(createHash('sm3').update(PDF).digest('hex'));
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('action', '=', 'fieldwork.attach')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).not.toContain('孙丽');
    const list = (await (await h.as('zuzhang')).get(listUrl(h.demo.jiaoyuInspectionId))).json();
    expect(list.items.find((r: { id: string }) => r.id === interviewId).attachmentCount).toBe(1);
    expect((await (await h.as('zuzhang')).get(`/api/fieldwork/${interviewId}`)).json().attachments).toHaveLength(1);
  });

  describe('refusals leave no row and no file', () => {
    const pdf = { filename: '材料.pdf', content: PDF };
    const cases: [string, number, () => Promise<{ statusCode: number; json(): { message: string } }>][] = [
      ['no file', 400, () => upload('zuyuan', meetingId)],
      ['an .exe', 415, () => upload('zuyuan', meetingId, { filename: '笔录.exe', content: Buffer.from('MZ\x90\x00') })],
      ['a .pdf whose bytes are a PNG', 415, () => upload('zuyuan', meetingId, { filename: '笔录.pdf', content: PNG })],
      ['an empty file', 400, () => upload('zuyuan', meetingId, { filename: '空.pdf', content: Buffer.alloc(0) })],
      ['another field name', 400, () => upload('zuyuan', meetingId, { ...pdf, field: 'attachment' })],
      ['no login', 401, () => upload(null, meetingId, pdf)],
      ['office staff', 403, () => upload('banshi', meetingId, pdf)],
      ['a colleague of the recorder', 403, () => upload('zuyuan2', meetingId, pdf)],
      ['the other committee', 404, () => upload('xicheng', meetingId, pdf)],
      ['the inspected unit', 404, () => upload('jy_lianluo', meetingId, pdf)],
      ['a record of an inspection in 整改', 409, () => upload('zuzhang', rectifyingId, pdf)],
    ];
    for (const [name, status, send] of cases) {
      it(`${name} → ${status}`, async () => {
        const [rows, files] = [await countTable(h, 'fieldwork_attachment'), await filesOnDisk()];
        const res = await send();
        expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
        expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
        expect(await countTable(h, 'fieldwork_attachment')).toBe(rows);
        expect((await filesOnDisk()).sort()).toEqual(files.sort());
      });
    }
  });
});

describe('GET /api/fieldwork/:id/attachments/:attachmentId', () => {
  const fileUrl = () => `/api/fieldwork/${interviewId}/attachments/${attachmentId}`;

  it('downloads the same bytes as an attachment, audited', async () => {
    const res = await (await h.as('zuzhang')).get(fileUrl());
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PDF)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="download.pdf"; filename*=UTF-8''${encodeURIComponent(NOTE_FILE)}`,
    );
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['entity_id as entityId', 'after'])
      .where('action', '=', 'fieldwork.download')
      .execute();
    expect(audit).toEqual([{ entityId: attachmentId, after: { recordId: interviewId } }]);
  });

  it('is 401 / 403 / 404 as appropriate', async () => {
    expect((await h.anonymous.get(fileUrl())).statusCode).toBe(401);
    // a sensitive record's files are as sensitive as its notes
    for (const username of ['banshi', 'leader']) {
      const res = await (await h.as(username)).get(fileUrl());
      expect(res.statusCode, username).toBe(403);
      expect(res.json().message).toBe('无权查看该记录内容');
    }
    expect((await (await h.as('xicheng')).get(fileUrl())).statusCode).toBe(404);
    expect((await (await h.as('jy_danwei')).get(fileUrl())).statusCode).toBe(404);
    // the attachment exists, but not under this record
    const elsewhere = await (await h.as('zuzhang')).get(`/api/fieldwork/${meetingId}/attachments/${attachmentId}`);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().message).toBe('附件不存在');
  });
});
