// 佐证材料 upload and download through the real HTTP API, with hand-built multipart bodies:
// every refusal must leave neither a database row nor a file behind.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';
import { type MultipartFile, multipart } from '../../test/multipart.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const REPORT_NAME = '关于招标管理办法修订情况的报告（第1号）.pdf';

/** Every file under the upload directory, temporary ones included. */
async function filesOnDisk(): Promise<string[]> {
  if (!existsSync(h.filesDir)) return [];
  const entries = await readdir(h.filesDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function upload(username: string | null, taskId: string, fields: Record<string, string>, file?: MultipartFile) {
  const client = username ? await h.as(username) : h.anonymous;
  return client.request({ method: 'POST', url: `/api/tasks/${taskId}/evidence`, ...multipart(fields, file) });
}

const doc = { kind: 'document', description: '修订后的招标管理办法及印发通知' };
let reportEvidenceId: string;

describe('POST /api/tasks/:id/evidence', () => {
  it('stores a PDF with its digest; the owner downloads the same bytes as an attachment', async () => {
    const taskId = h.demo.tasks.overdue as string;
    const res = await upload('zerenren', taskId, doc, { filename: REPORT_NAME, content: PDF });
    expect(res.statusCode).toBe(200);
    const evidence = res.json();
    reportEvidenceId = evidence.id;
    expect(evidence).toMatchObject({
      kind: 'document',
      description: '修订后的招标管理办法及印发通知',
      fileName: REPORT_NAME,
      size: PDF.length,
      amount: null,
      uploadedByName: '冯伟',
    });
    const row = await h.database.db
      .selectFrom('evidence')
      .select(['sm3', 'mime'])
      .where('id', '=', evidence.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ sm3: createHash('sm3').update(PDF).digest('hex'), mime: 'application/pdf' });
    const files = await filesOnDisk();
    expect(files).toHaveLength(1);
    expect(path.relative(h.filesDir, files[0] as string).split(path.sep)[0]).not.toBe('tmp');

    const download = await (await h.as('zerenren')).get(`/api/evidence/${evidence.id}/file`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="attachment.pdf"; filename*=UTF-8''${encodeURIComponent(REPORT_NAME)}`,
    );
    const task = (await (await h.as('zerenren')).get(`/api/tasks/${taskId}`)).json();
    expect(task.evidenceCount).toBe(1);
  });

  it('keeps only the last segment of a file name with a path', async () => {
    const res = await upload('zerenren', h.demo.tasks.overdue as string, doc, {
      filename: '../../etc/passwd.pdf',
      content: PDF,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().fileName).toBe('passwd.pdf');
    const stored = await h.database.db
      .selectFrom('evidence')
      .select('stored_name')
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(stored.stored_name).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts money without a file and a PNG photo', async () => {
    const taskId = h.demo.tasks.longterm as string;
    const money = await upload('zerenren2', taskId, {
      kind: 'money',
      description: '追缴超标准接待费用',
      amount: '5230.5',
    });
    expect(money.statusCode).toBe(200);
    expect(money.json()).toMatchObject({ kind: 'money', amount: 5230.5, fileName: null, size: null });
    const photo = await upload(
      'zerenren2',
      taskId,
      { kind: 'photo', description: '公务接待公函登记簿' },
      { filename: '登记簿.PNG', content: PNG },
    );
    expect(photo.statusCode).toBe(200);
    expect(photo.json().fileName).toBe('登记簿.PNG');
  });

  describe('refusals leave no row and no file', () => {
    const taskId = () => h.demo.tasks.overdue as string;
    const big = Buffer.concat([Buffer.from('%PDF'), Buffer.alloc(21 * 1024 * 1024)]);
    const cases: {
      name: string;
      status: number;
      send: () => Promise<{ statusCode: number; json(): { code: string; message: string } }>;
      message?: string;
    }[] = [
      {
        name: 'money without an amount',
        status: 400,
        message: '请填写挽回/追缴金额',
        send: () => upload('zerenren', taskId(), { kind: 'money', description: '追缴资金' }),
      },
      {
        name: 'a negative amount',
        status: 400,
        send: () => upload('zerenren', taskId(), { kind: 'money', description: '追缴资金', amount: '-1' }),
      },
      {
        name: 'a document without a file',
        status: 400,
        message: '请选择要上传的文件',
        send: () => upload('zerenren', taskId(), doc),
      },
      {
        name: 'an .exe',
        status: 415,
        send: () => upload('zerenren', taskId(), doc, { filename: '整改报告.exe', content: Buffer.from('MZ\x90\x00') }),
      },
      {
        name: 'a .pdf whose bytes are a PNG',
        status: 415,
        message: '文件内容与扩展名“.pdf”不符',
        send: () => upload('zerenren', taskId(), doc, { filename: '整改报告.pdf', content: PNG }),
      },
      {
        name: 'a PDF as a photo',
        status: 400,
        message: '照片只能是 JPG 或 PNG 格式',
        send: () => upload('zerenren', taskId(), { ...doc, kind: 'photo' }, { filename: '现场.pdf', content: PDF }),
      },
      {
        name: 'an empty file',
        status: 400,
        message: '文件为空',
        send: () => upload('zerenren', taskId(), doc, { filename: '空.pdf', content: Buffer.alloc(0) }),
      },
      {
        name: 'a file under another field name',
        status: 400,
        send: () => upload('zerenren', taskId(), doc, { filename: 'a.pdf', content: PDF, field: 'attachment' }),
      },
      {
        name: 'a file over the 20 MB limit',
        status: 413,
        send: () => upload('zerenren', taskId(), doc, { filename: '超大.pdf', content: big }),
      },
      { name: 'no login', status: 401, send: () => upload(null, taskId(), doc, { filename: 'a.pdf', content: PDF }) },
      {
        name: 'the office (no evidence.upload)',
        status: 403,
        send: () => upload('office', taskId(), doc, { filename: 'a.pdf', content: PDF }),
      },
      {
        name: 'another committee’s task',
        status: 404,
        send: () => upload('zerenren', h.outsider.taskId, doc, { filename: 'a.pdf', content: PDF }),
      },
      {
        name: 'a colleague’s task',
        status: 404,
        send: () => upload('zerenren2', taskId(), doc, { filename: 'a.pdf', content: PDF }),
      },
      {
        name: 'a task awaiting verification',
        status: 409,
        message: '任务已申请销号或已销号，不能再上传材料',
        send: () => upload('zerenren', h.demo.tasks.submitted as string, doc, { filename: 'a.pdf', content: PDF }),
      },
    ];
    for (const c of cases) {
      it(`${c.name} → ${c.status}`, async () => {
        const [rows, files] = [await countRows(h, 'evidence'), await filesOnDisk()];
        const res = await c.send();
        expect(res.statusCode, JSON.stringify(res.json())).toBe(c.status);
        expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
        if (c.message) expect(res.json().message).toBe(c.message);
        expect(await countRows(h, 'evidence')).toBe(rows);
        expect((await filesOnDisk()).sort()).toEqual(files.sort());
      });
    }
  });

  it('asks for a multipart body', async () => {
    const res = await (await h.as('zerenren')).post(`/api/tasks/${h.demo.tasks.overdue}/evidence`, doc);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('请以 multipart/form-data 方式上传材料');
  });
});

describe('GET /api/evidence/:id/file', () => {
  it('is 404 for a task owner who does not own the task, 200 for the office', async () => {
    const other = await (await h.as('zerenren2')).get(`/api/evidence/${reportEvidenceId}/file`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual({ code: 'not_found', message: '文件不存在' });
    const office = await (await h.as('office')).get(`/api/evidence/${reportEvidenceId}/file`);
    expect(office.statusCode).toBe(200);
    expect(office.rawPayload.equals(PDF)).toBe(true);
  });

  it('is 404 for evidence without a file, 403 without evidence.read, 401 without login', async () => {
    const money = await h.database.db
      .selectFrom('evidence')
      .select('id')
      .where('kind', '=', 'money')
      .executeTakeFirstOrThrow();
    expect((await (await h.as('office')).get(`/api/evidence/${money.id}/file`)).statusCode).toBe(404);
    expect((await (await h.as('auditor')).get(`/api/evidence/${reportEvidenceId}/file`)).statusCode).toBe(403);
    expect((await h.anonymous.get(`/api/evidence/${reportEvidenceId}/file`)).statusCode).toBe(401);
  });
});
