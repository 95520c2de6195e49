// The import half of the .xlsx bench: a 单位 workbook of N new units (townships of 99 villages each,
// parents named by code as users fill it in), uploaded to the real route POST /api/units/import —
// multipart upload, zip check, streamed parse and validation, then the set-based all-or-nothing write.
// The 单位 import is the bulk one (set-based INSERT/UPDATE); the 三张清单 import checks and writes task
// by task (one inspection's lists, tens of rows) and is not meant for 50,000 rows.
import { PassThrough } from 'node:stream';
import type { XlsxColumn } from '../server/src/documents/xlsx/columns.ts';
import { streamWorkbook } from '../server/src/documents/xlsx/export.ts';
import { UNIT_IMPORT_COLUMNS, unitImportSpec } from '../server/src/modules/org/unit-import.spec.ts';

const VILLAGES_PER_TOWNSHIP = 99;

/** The import's own columns; rows carry the Chinese labels a user would pick. */
const COLUMNS: XlsxColumn[] = UNIT_IMPORT_COLUMNS.map(({ header, key, ...rest }) => ({
  header,
  key,
  ...('type' in rest && rest.type ? { type: rest.type } : {}),
}));

function* unitRows(count: number) {
  for (let i = 0; i < count; i++) {
    const township = Math.floor(i / (VILLAGES_PER_TOWNSHIP + 1));
    const village = i % (VILLAGES_PER_TOWNSHIP + 1);
    const code = `BX${String(township).padStart(4, '0')}`;
    yield village === 0
      ? { code, name: `压测第${township}镇`, kind: '乡镇/街道', headName: '张建华', socialAttention: 3 }
      : {
          code: `${code}-${String(village).padStart(2, '0')}`,
          name: `压测第${township}镇第${village}村`,
          kind: '村/社区',
          parentCode: code,
          headName: '李红',
          secretaryName: '王强',
          fundVolume: 120.5,
          projectCount: village % 5,
          hasApprovalPower: '否',
          lastInspectedOn: `20${String(15 + (village % 10)).padStart(2, '0')}-06-30`,
          villageClass: village % 7 === 0 ? '重点' : '一般',
          sortOrder: village,
        };
  }
}

/** The workbook, written by the export writer itself (streamed, as a user's 50,000-row file would be big). */
export async function unitWorkbook(count: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  async function* rows() {
    yield* unitRows(count);
  }
  const iterator = rows();
  await streamWorkbook(out, { sheetName: unitImportSpec.sheetName, columns: COLUMNS }, await iterator.next(), iterator);
  out.end();
  return Buffer.concat(chunks);
}

/** Uploads like the browser's ImportModal does; returns the imported count or throws with the server's answer. */
export async function uploadUnits(origin: string, cookie: string, file: Buffer): Promise<number> {
  const form = new FormData();
  form.append('file', new Blob([file]), '单位.xlsx');
  const res = await fetch(`${origin}/api/units/import`, {
    method: 'POST',
    // the CSRF header every API client sends on a state-changing call (web/src/app/api.ts)
    headers: { cookie, 'x-xuncha-csrf': '1' },
    body: form,
    signal: AbortSignal.timeout(600_000),
  });
  const body = (await res.json()) as { imported?: number; message?: string };
  if (res.status !== 200 || body.imported === undefined) {
    throw new Error(`unit import → HTTP ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
  }
  return body.imported;
}
