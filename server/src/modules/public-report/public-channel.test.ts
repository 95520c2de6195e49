// The public side, from the outside: no login, targets, filing (with sealed attachments), the receipt-code
// status page; and every refusal (400/404/409/413/415) writes nothing.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { CODE_NOT_FOUND } from './public-channel.service.ts';
import { count, fileReport, PNG, png, postReport, reportFields, statusOf } from './public-report.test-support.ts';
import { receiptDigest } from './receipt.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

async function filesOnDisk(): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else found.push(full);
    }
  };
  await walk(h.filesDir);
  return found;
}

describe('GET /api/public/report-targets', () => {
  it('lists, without login, the inspections on site — unit, team, period, contact and nothing else', async () => {
    const res = await h.anonymous.get('/api/public/report-targets');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(1);
    expect(items[0]).toEqual({
      id: h.demo.jiaoyuInspectionId,
      unitName: '区教育局',
      teamName: '区委第一巡察组',
      periodStart: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      periodEnd: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      contact: null,
    });
  });

  it('refuses a bad page with a Chinese message', async () => {
    const res = await h.anonymous.get('/api/public/report-targets?pageSize=1000');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/每页最多/);
  });
});

describe('POST /api/public/reports', () => {
  it('files a report with attachments and answers with a receipt code shown once', async () => {
    const before = await count(h, 'audit_entry');
    const res = await postReport(h, reportFields(h.demo.jiaoyuInspectionId), [png(), png('合同.png')]);
    expect(res.statusCode, res.body).toBe(200);
    const { code, filedAt } = res.json();
    expect(code).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
    expect(filedAt).toBe(h.clock.now().toISOString());
    const row = await h.database.db.selectFrom('public_report').selectAll().executeTakeFirstOrThrow();
    expect(row.receipt_digest).toBe(receiptDigest(code.replaceAll('-', '')));
    expect(row.content_sealed).toMatch(/^sm4:/);
    expect(row.contact_sealed).toMatch(/^sm4:/);
    expect(JSON.stringify(row)).not.toContain(code.replaceAll('-', ''));
    // the files are sealed on disk: neither the PNG signature nor its bytes are there in the clear
    const stored = await h.database.db.selectFrom('public_report_attachment').selectAll().execute();
    expect(stored).toHaveLength(2);
    for (const file of stored) {
      expect(file.name_sealed).toMatch(/^sm4:/);
      const onDisk = await readFile(path.join(h.filesDir, file.stored_name.slice(0, 2), file.stored_name), 'utf8');
      expect(onDisk).toMatch(/^sm4:/);
      expect(onDisk).not.toContain(PNG.toString('base64'));
    }
    expect((await filesOnDisk()).filter((f) => f.startsWith(path.join(h.filesDir, 'tmp')))).toEqual([]);
    // audited without text, contact or IP; the team leader is told
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(await count(h, 'audit_entry')).toBe(before + 1);
    expect(audit.action).toBe('public_report.file');
    expect(audit.ip).toBeNull();
    expect(JSON.stringify(audit)).not.toMatch(/食堂|王某|139/);
    const notices = await h.database.db
      .selectFrom('notification')
      .selectAll()
      .where('kind', '=', 'public_report')
      .execute();
    expect(notices.map((n) => n.user_id)).toEqual([h.demo.users.zuzhang]);
    expect(JSON.stringify(notices)).not.toMatch(/食堂/);
  });

  it('files anonymously', async () => {
    const res = await postReport(
      h,
      reportFields(h.demo.jiaoyuInspectionId, { anonymous: 'true', contactName: '', contactPhone: '' }),
    );
    expect(res.statusCode, res.body).toBe(200);
  });

  const refusals: [name: string, fields: Record<string, string>, status: number, message: RegExp][] = [
    ['text too short', { text: '太短了' }, 400, /至少 10 个字/],
    ['text too long', { text: '长'.repeat(5001) }, 400, /不能超过 5000 个字/],
    ['unknown kind', { kind: 'praise' }, 400, /举报或意见建议/],
    ['anonymous with a contact', { anonymous: 'true' }, 400, /匿名反映不应填写联系人/],
    ['named without a contact', { contactName: '', contactPhone: '' }, 400, /至少填写姓名或联系电话/],
    ['bad phone', { contactPhone: '<script>' }, 400, /联系电话/],
    ['bad inspection id', { inspectionId: 'x' }, 400, /编号格式不正确/],
    ['unknown inspection', { inspectionId: '00000000-0000-4000-8000-000000000000' }, 404, /未找到该巡察/],
  ];
  for (const [name, overrides, status, message] of refusals)
    it(`refuses ${name} (${status}) and writes nothing`, async () => {
      const [reports, files] = [await count(h, 'public_report'), (await filesOnDisk()).length];
      const res = await postReport(h, reportFields(h.demo.jiaoyuInspectionId, overrides), [png()]);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().message).toMatch(message);
      expect(await count(h, 'public_report')).toBe(reports);
      expect((await filesOnDisk()).length).toBe(files);
    });

  it('refuses an inspection no longer on site (409, clear Chinese message), writing nothing', async () => {
    const reports = await count(h, 'public_report');
    const res = await postReport(h, reportFields(h.demo.zhujianInspectionId));
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/不在进驻期，不再受理/);
    expect(await count(h, 'public_report')).toBe(reports);
  });

  it('refuses a fourth file (413), a disguised file (415) and a non-multipart body (400)', async () => {
    const reports = await count(h, 'public_report');
    const fields = reportFields(h.demo.jiaoyuInspectionId);
    expect((await postReport(h, fields, [png(), png(), png(), png()])).statusCode).toBe(413);
    const fake = { filename: '照片.png', content: Buffer.from('MZ not a png'), field: 'files' };
    const disguised = await postReport(h, fields, [fake]);
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().message).toMatch(/不符/);
    const json = await h.anonymous.post('/api/public/reports', fields);
    expect(json.statusCode).toBe(400);
    expect(await count(h, 'public_report')).toBe(reports);
  });
});

describe('POST /api/public/reports/status', () => {
  it('shows status, reply and dates for a code — in any case and grouping — and nothing else', async () => {
    const { code } = await fileReport(h, reportFields(h.demo.jiaoyuInspectionId));
    const res = await statusOf(h, code.toLowerCase().replaceAll('-', ' '));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'received',
      filedAt: h.clock.now().toISOString(),
      updatedAt: h.clock.now().toISOString(),
      reply: null,
      repliedAt: null,
    });
  });

  it('answers an unknown code with one constant message (404) and a malformed one with 400', async () => {
    const unknown = await statusOf(h, 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ code: 'not_found', message: CODE_NOT_FOUND });
    const malformed = await statusOf(h, '123');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toMatch(/回执码应为 28 位/);
  });

  it('takes about as long for an unknown code as for a known one (no timing oracle)', async () => {
    const { code } = await fileReport(h, reportFields(h.demo.jiaoyuInspectionId));
    const unknownCode = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345';
    const timings = { known: [] as number[], unknown: [] as number[] };
    // interleaved, so that load on the machine hits both alike; medians, so that one hiccup does not decide
    for (let i = 0; i < 40; i++)
      for (const [which, c] of [
        ['known', code],
        ['unknown', unknownCode],
      ] as const) {
        const start = performance.now();
        await statusOf(h, c);
        timings[which].push(performance.now() - start);
      }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const [known, unknown] = [median(timings.known), median(timings.unknown)];
    expect(unknown / known).toBeLessThan(2);
  });
});
