// Shared pieces of the clue tests: a registration body, row counts, a clue in another committee, and
// an .xlsx reader.
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { keyringFor } from '../../platform/crypto/keyring.ts';
import { sealJson } from '../../platform/crypto/sealed.ts';
import type { Harness } from '../../test/harness.ts';

export const clueBody = (overrides: Record<string, unknown> = {}) => ({
  subjectName: '张某某',
  subjectPost: '区教育局基建科科长',
  allegation: '反映其在学校食堂改造工程中指定施工单位并收受好处费',
  evidence: '工程合同三份、付款凭证复印件',
  category: 'integrity',
  source: 'petition',
  receivedOn: '2026-06-10',
  whistleblower: { name: '李某', contact: '13800000000', note: '要求保密' },
  ...overrides,
});

export const clueUrl = (inspectionId: string) => `/api/inspections/${inspectionId}/clues`;

export async function tableCount(h: Harness, table: 'clue' | 'clue_event' | 'clue_grant' | 'audit_entry') {
  const row = await h.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A clue of the outsider committee's inspection: no demo user may learn anything of it. */
export async function insertOutsiderClue(h: Harness): Promise<string> {
  const row = await h.database.db
    .insertInto('clue')
    .values({
      committee_id: h.outsider.committeeId,
      inspection_id: h.outsider.inspectionId,
      unit_id: h.outsider.unitId,
      seq: 1,
      category: 'integrity',
      source: 'interview',
      received_on: '2026-06-01',
      content_sealed: sealJson(keyringFor(h.config), {
        subjectName: '城西某某',
        subjectPost: '科长',
        allegation: '城西区的线索',
        evidence: null,
      }),
      whistleblower_sealed: sealJson(keyringFor(h.config), { name: '城西反映人', contact: null, note: null }),
      registered_by: h.outsider.ownerId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every cell of the first sheet as text. */
export async function xlsxCells(res: LightMyRequestResponse): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]?.eachRow((r) => {
    rows.push(
      (r.values as ExcelJS.CellValue[])
        .slice(1)
        .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''))),
    );
  });
  return rows;
}
