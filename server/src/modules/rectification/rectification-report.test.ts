// The unit's reports through the real HTTP API: who may file which kind, supersede-with-history, file
// type and size limits, the expected monthly progress reports, the template and the download.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { type MultipartFile, multipart } from '../../test/multipart.ts';
import { addOtherUnitHead, caseOf, PDF } from './rectification.fixtures.ts';

let h: Harness;
let caseId: string;
let outsiderCase: string;
beforeAll(async () => {
  h = await createHarness();
  caseId = await caseOf(h, h.demo.zhujianInspectionId);
  outsiderCase = await caseOf(h, h.outsider.inspectionId);
  await addOtherUnitHead(h);
});
afterAll(() => h.close());

async function upload(user: string | null, fields: Record<string, string>, file?: MultipartFile, id = caseId) {
  const client = user ? await h.as(user) : h.anonymous;
  return client.request({ method: 'POST', url: `/api/rectifications/${id}/reports`, ...multipart(fields, file) });
}
const reportRows = async () =>
  h.database.db.selectFrom('rectification_report').selectAll().where('rectification_id', '=', caseId).execute();
async function storedFiles() {
  if (!existsSync(h.filesDir)) return 0;
  const entries = await readdir(h.filesDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).length;
}

describe('POST /api/rectifications/:id/reports', () => {
  it('the liaison files a monthly progress report with text', async () => {
    const res = await upload('lianluo', {
      kind: 'progress',
      period: '2026-03',
      title: '3月整改进展',
      content: '已完成……',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'progress', period: '2026-03', fileName: null, submittedByName: '郑洁' });
  });

  it('the head files the 整改报告 as a PDF; a resubmission supersedes it and both are kept', async () => {
    const first = await upload(
      'danwei',
      { kind: 'rectification', title: '整改情况报告' },
      { filename: '整改报告.pdf', content: PDF },
    );
    expect(first.statusCode).toBe(200);
    const second = await upload('danwei', { kind: 'rectification', title: '整改情况报告（修改稿）', content: '修改' });
    expect(second.statusCode).toBe(200);
    const rows = (await reportRows()).filter((r) => r.kind === 'rectification');
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === first.json().id)?.superseded_at).not.toBeNull();
    expect(rows.find((r) => r.id === second.json().id)?.superseded_at).toBeNull();
    const file = await (await h.as('office')).get(`/api/rectifications/${caseId}/reports/${first.json().id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(
      (await (await h.as('jiaoyu_head')).get(`/api/rectifications/${caseId}/reports/${first.json().id}/file`))
        .statusCode,
    ).toBe(404);
  });

  it('keeps a long report text whole (beyond the app-wide multipart field size)', async () => {
    const content = '整'.repeat(20_000);
    const res = await upload('lianluo', { kind: 'progress', period: '2026-04', title: '4月整改进展', content });
    expect(res.statusCode).toBe(200);
    expect(res.json().content).toBe(content);
  });

  const refusals: { name: string; status: number; message?: string; send: () => ReturnType<typeof upload> }[] = [
    {
      name: 'the liaison filing a 履职报告',
      status: 403,
      send: () => upload('lianluo', { kind: 'duty', title: 't', content: 'c' }),
    },
    {
      name: 'the office (no submit right)',
      status: 403,
      send: () => upload('office', { kind: 'progress', period: '2026-03', title: 't', content: 'c' }),
    },
    {
      name: 'another unit’s head',
      status: 404,
      send: () => upload('jiaoyu_head', { kind: 'duty', title: 't', content: 'c' }),
    },
    {
      name: 'another committee’s case',
      status: 404,
      send: () => upload('danwei', { kind: 'duty', title: 't', content: 'c' }, undefined, outsiderCase),
    },
    { name: 'no login', status: 401, send: () => upload(null, { kind: 'duty', title: 't', content: 'c' }) },
    {
      name: 'neither text nor file',
      status: 400,
      message: '请填写报告正文或上传报告文件',
      send: () => upload('danwei', { kind: 'duty', title: 't' }),
    },
    {
      name: 'a progress report without period',
      status: 400,
      send: () => upload('lianluo', { kind: 'progress', title: 't', content: 'c' }),
    },
    {
      name: 'a period outside 集中整改期',
      status: 400,
      message: '报告期应在集中整改期内（2026-03 至 2026-05）',
      send: () => upload('lianluo', { kind: 'progress', period: '2025-12', title: 't', content: 'c' }),
    },
    {
      name: 'a text longer than the field limit',
      status: 413,
      send: () => upload('lianluo', { kind: 'progress', period: '2026-04', title: 't', content: '整'.repeat(30_000) }),
    },
    {
      name: 'an unknown kind',
      status: 400,
      send: () => upload('danwei', { kind: 'weekly', title: 't', content: 'c' }),
    },
    {
      name: 'a spreadsheet as a report',
      status: 415,
      send: () =>
        upload(
          'danwei',
          { kind: 'duty', title: 't' },
          { filename: 'a.xlsx', content: Buffer.from([0x50, 0x4b, 3, 4, 0, 0]) },
        ),
    },
    {
      name: 'an executable',
      status: 415,
      send: () => upload('danwei', { kind: 'duty', title: 't' }, { filename: 'a.exe', content: Buffer.from('MZ') }),
    },
    {
      name: 'a file over the size limit',
      status: 413,
      send: () =>
        upload(
          'danwei',
          { kind: 'duty', title: 't' },
          { filename: 'big.pdf', content: Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]) },
        ),
    },
    {
      name: 'not multipart',
      status: 400,
      send: async () => (await h.as('danwei')).post(`/api/rectifications/${caseId}/reports`, { kind: 'duty' }),
    },
  ];
  for (const r of refusals) {
    it(`refuses ${r.name} (${r.status}) and writes nothing`, async () => {
      const [rows, files] = [(await reportRows()).length, await storedFiles()];
      const res = await r.send();
      expect(res.statusCode).toBe(r.status);
      if (r.message) expect(res.json().message).toBe(r.message);
      expect((await reportRows()).length).toBe(rows);
      expect(await storedFiles()).toBe(files);
    });
  }
});

describe('GET /api/rectifications/:id/reports', () => {
  it('lists reports with history and the expected monthly progress reports', async () => {
    const res = await (await h.as('office')).get(`/api/rectifications/${caseId}/reports`);
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.items.length).toBe(4);
    // feedback 2026-03-07, 整改报告 due 2026-05-07: one monthly report, due 2026-04-07, filed "late" (today)
    expect(list.expectedProgress).toEqual([
      { period: '2026-03', dueDate: '2026-04-07', state: 'late', submittedAt: expect.any(String) },
    ]);
    expect((await h.anonymous.get(`/api/rectifications/${caseId}/reports`)).statusCode).toBe(401);
    expect((await (await h.as('zerenren')).get(`/api/rectifications/${caseId}/reports`)).statusCode).toBe(403);
    expect((await (await h.as('office')).get(`/api/rectifications/${outsiderCase}/reports`)).statusCode).toBe(404);
  });

  it('is refused after sign-off (409)', async () => {
    await h.database.db
      .updateTable('rectification')
      .set({ status: 'signed_off', signed_off_at: new Date().toISOString() })
      .where('id', '=', caseId)
      .execute();
    const res = await upload('lianluo', { kind: 'progress', period: '2026-04', title: 't', content: 'c' });
    expect(res.statusCode).toBe(409);
    await h.database.db
      .updateTable('rectification')
      .set({ status: 'rectifying', signed_off_at: null })
      .where('id', '=', caseId)
      .execute();
  });
});

describe('GET /api/rectifications/:id/report-template', () => {
  it('sends a .docx prefilled from the three lists', async () => {
    const res = await (await h.as('danwei')).get(`/api/rectifications/${caseId}/report-template`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect((await h.anonymous.get(`/api/rectifications/${caseId}/report-template`)).statusCode).toBe(401);
    expect((await (await h.as('jiaoyu_head')).get(`/api/rectifications/${caseId}/report-template`)).statusCode).toBe(
      404,
    );
    expect((await (await h.as('zerenren')).get(`/api/rectifications/${caseId}/report-template`)).statusCode).toBe(403);
  });
});
