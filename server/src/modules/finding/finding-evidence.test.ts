// Evidence links: a finding rests on fieldwork records of its own inspection; the detail lists them by title,
// kind and date (never their notes), each to whoever may see the record.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { addUser } from '../../test/users.ts';

let h: Harness;
let draftId: string;
const rec: Record<string, string> = {};

async function addRecord(key: string, inspectionId: string, kind: string, title: string, sensitive: boolean) {
  const inspection = await h.database.db
    .selectFrom('inspection')
    .select(['committee_id', 'unit_id'])
    .where('id', '=', inspectionId)
    .executeTakeFirstOrThrow();
  const row = await h.database.db
    .insertInto('fieldwork_record')
    .values({
      committee_id: inspection.committee_id,
      inspection_id: inspectionId,
      unit_id: inspection.unit_id,
      // the demo world may hold records of its own: take the next number
      seq: sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM fieldwork_record WHERE inspection_id = ${inspectionId})`,
      kind,
      title,
      occurred_on: '2026-06-10',
      sensitive,
      summary: sensitive ? null : '谈话要点：食堂账目未公开',
      summary_sealed: sensitive ? 'sealed-notes' : null,
      details: '{}',
      created_by: h.demo.users.zuzhang as string,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  rec[key] = row.id;
}

beforeAll(async () => {
  h = await createHarness();
  const jiaoyu = h.demo.jiaoyuInspectionId;
  await addRecord('interview', jiaoyu, 'interview', '与局财务科长个别谈话', true);
  await addRecord('documents', jiaoyu, 'document_review', '调阅食堂采购合同', false);
  await addRecord('selfCheck', jiaoyu, 'self_check', '区教育局问题对照自查', false);
  await addRecord('zhujian', h.demo.zhujianInspectionId, 'visit', '走访施工现场', false);
  const unitId = h.demo.units.jiaoyu as string;
  await addUser(h, {
    username: 'jiaoyu_lianluo',
    displayName: '蒋欣',
    unitId,
    role: 'unit_liaison',
    scopeKind: 'unit',
    scopeId: unitId,
  });
  const draft = await h.database.db
    .selectFrom('finding')
    .select('id')
    .where('inspection_id', '=', jiaoyu)
    .executeTakeFirstOrThrow();
  draftId = draft.id;
});
afterAll(() => h.close());

const links = (findingId: string) =>
  h.database.db
    .selectFrom('finding_evidence')
    .select(['record_id', 'unlinked_at'])
    .where('finding_id', '=', findingId)
    .orderBy('record_id')
    .execute();
const link = async (username: string, findingId: string, recordIds: unknown) =>
  (await h.as(username)).post(`/api/findings/${findingId}/evidence`, { recordIds });
const unlink = async (username: string, findingId: string, recordId: string) =>
  (await h.as(username)).post(`/api/findings/${findingId}/evidence/${recordId}/unlink`);

describe('evidence on create', () => {
  it('links the given records and lists them without notes', async () => {
    const res = await (await h.as('zuzhang')).post(`/api/inspections/${h.demo.jiaoyuInspectionId}/findings`, {
      title: '学校食堂经费管理混乱',
      facts: '食堂经费与学校公用经费混用。',
      aspect: 'anti_corruption',
      evidenceRecordIds: [rec.interview, rec.documents],
    });
    expect(res.statusCode).toBe(200);
    const seqs = await h.database.db.selectFrom('fieldwork_record').select(['id', 'seq']).execute();
    const seq = (id: string | undefined) => seqs.find((r) => r.id === id)?.seq;
    expect(res.json().evidence).toEqual([
      {
        id: rec.interview,
        seq: seq(rec.interview),
        kind: 'interview',
        title: '与局财务科长个别谈话',
        occurredOn: '2026-06-10',
      },
      {
        id: rec.documents,
        seq: seq(rec.documents),
        kind: 'document_review',
        title: '调阅食堂采购合同',
        occurredOn: '2026-06-10',
      },
    ]);
    expect(res.body).not.toContain('谈话要点');
  });

  it('refuses a record of another inspection with 400, creating nothing', async () => {
    const before = await h.database.db
      .selectFrom('finding')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await (await h.as('zuzhang')).post(`/api/inspections/${h.demo.jiaoyuInspectionId}/findings`, {
      title: '张冠李戴的证据',
      facts: '—',
      aspect: 'party_building',
      evidenceRecordIds: [rec.documents, rec.zhujian],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path: 'evidenceRecordIds.1', message: '该记录不属于本巡察的了解情况记录' }]);
    const after = await h.database.db
      .selectFrom('finding')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('POST /api/findings/:id/evidence and …/unlink', () => {
  it('links, links again without duplicates, unlinks keeping the row, and links once more', async () => {
    const first = await link('zuyuan', draftId, [rec.documents, rec.selfCheck]);
    expect(first.statusCode).toBe(200);
    expect(first.json().evidence.map((e: { id: string }) => e.id)).toEqual([rec.documents, rec.selfCheck]);
    expect((await link('zuyuan', draftId, [rec.documents])).json().evidence).toHaveLength(2);
    const removed = await unlink('zuzhang', draftId, rec.documents as string);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().evidence.map((e: { id: string }) => e.id)).toEqual([rec.selfCheck]);
    expect((await links(draftId)).find((l) => l.record_id === rec.documents)?.unlinked_at).not.toBeNull();
    expect((await unlink('zuzhang', draftId, rec.documents as string)).statusCode).toBe(404);
    expect((await link('zuzhang', draftId, [rec.documents])).json().evidence).toHaveLength(2);
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', draftId)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'finding.link_evidence',
      'finding.unlink_evidence',
      'finding.link_evidence',
    ]);
    expect(JSON.stringify(audit)).not.toContain('食堂');
  });

  it('shows a unit user only its own self-check among the links of a finding it may see', async () => {
    await h.database.db.updateTable('finding').set({ immediate: true }).where('id', '=', draftId).execute();
    const unit = (await (await h.as('jiaoyu_lianluo')).get(`/api/findings/${draftId}`)).json();
    expect(unit.evidence.map((e: { id: string }) => e.id)).toEqual([rec.selfCheck]);
    const office = (await (await h.as('banshi')).get(`/api/findings/${draftId}`)).json();
    expect(office.evidence).toHaveLength(2);
    await h.database.db.updateTable('finding').set({ immediate: false }).where('id', '=', draftId).execute();
  });

  it('rejects bad input with 400, linking nothing', async () => {
    const before = await links(draftId);
    const empty = await link('zuzhang', draftId, []);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details).toEqual([{ path: 'recordIds', message: '请选择要关联的记录' }]);
    expect((await link('zuzhang', draftId, ['not-a-uuid'])).json().details[0]).toEqual({
      path: 'recordIds.0',
      message: '编号格式不正确',
    });
    const foreign = await link('zuzhang', draftId, [rec.zhujian]);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().details).toEqual([{ path: 'recordIds.0', message: '该记录不属于本巡察的了解情况记录' }]);
    expect(await links(draftId)).toEqual(before);
  });

  it('is 401 without login, 403 without finding.update, 404 out of scope, 409 once fed back', async () => {
    const before = await links(draftId);
    expect(
      (await h.anonymous.post(`/api/findings/${draftId}/evidence`, { recordIds: [rec.interview] })).statusCode,
    ).toBe(401);
    expect((await h.anonymous.post(`/api/findings/${draftId}/evidence/${rec.documents}/unlink`)).statusCode).toBe(401);
    expect((await link('leader', draftId, [rec.interview])).statusCode).toBe(403);
    expect((await unlink('leader', draftId, rec.documents as string)).statusCode).toBe(403);
    expect((await link('office', h.outsider.findingId, [rec.interview])).statusCode).toBe(404);
    expect((await unlink('zuzhang', h.outsider.findingId, rec.interview as string)).statusCode).toBe(404);
    expect(await links(draftId)).toEqual(before);
    const fedBack = await link('office', h.demo.findings.f1 as string, [rec.zhujian]);
    expect(fedBack.statusCode).toBe(409);
    expect(fedBack.json().message).toBe('问题状态为“已反馈”，不能再修改');
    expect(await links(h.demo.findings.f1 as string)).toEqual([]);
  });
});
