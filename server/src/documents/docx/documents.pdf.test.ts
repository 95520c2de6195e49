// Every 公文 the system generates, downloaded from its route as a permitted demo user on the full demo
// district (the data `npm start` shows), converted to PDF in ONE LibreOffice run, and checked: A4, the
// expected page count, "— 1 —" in the footer, the title on page 1. Page 1 of each is rendered to
// test-output/docx/<name>.png for a person to look at.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyringFor } from '../../platform/crypto/keyring.ts';
import { seedDemoDistrict } from '../../seed/demo-district.ts';
import { createHarness, type Harness } from '../../test/harness.ts';
import { DEMO_DOCUMENTS } from './demo-documents.ts';
import { type Converter, canConvert, createConverter } from './libreoffice.ts';

const OUT = path.resolve('test-output/docx');
/** Spaces LibreOffice puts between CJK and Latin text (and line breaks) do not count when finding a title. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe.skipIf(!canConvert)('every 公文 through LibreOffice', () => {
  let h: Harness;
  let converter: Converter;

  beforeAll(async () => {
    h = await createHarness();
    await seedDemoDistrict(h.database.db, h.clock, keyringFor(h.config), h.demo);
    const documents: Record<string, Buffer> = {};
    for (const doc of DEMO_DOCUMENTS) {
      const url = await doc.url(h);
      const res = await (await h.as(doc.user)).get(url);
      if (res.statusCode !== 200) throw new Error(`${doc.name} ${url}: ${res.statusCode} ${res.body}`);
      documents[doc.name] = res.rawPayload;
    }
    converter = await createConverter();
    const started = Date.now();
    await converter.convert(documents);
    console.info(`${DEMO_DOCUMENTS.length} documents → PDF in one soffice run: ${Date.now() - started} ms`);
    await mkdir(OUT, { recursive: true });
  }, 300_000);
  afterAll(() => h?.close());

  it.each(DEMO_DOCUMENTS.map((d) => [d.name, d] as const))('%s', async (name, doc) => {
    await converter.render(name, OUT);
    const { pages, pageSize, text } = await converter.info(name);
    expect(pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect({ name, pages }).toEqual({ name, pages: doc.pages });
    const [first = ''] = text.split('\f');
    expect(first.split('\n').some((line) => /^\s*—\s*1\s*—\s*$/.test(line))).toBe(true);
    // and every other page numbered too
    expect(text.split('\n').filter((line) => /^\s*—\s*\d+\s*—\s*$/.test(line))).toHaveLength(pages);
    expect(squeeze(first)).toContain(squeeze(doc.title));
  });
});
