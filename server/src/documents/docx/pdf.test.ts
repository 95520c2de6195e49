// The sample 公文 converted to PDF by LibreOffice, the way a server-side preview would: page count,
// page numbers on every page, and the pages rendered to PNG for a person to look at (path printed).
// The official fonts are mapped to Noto CJK by a fontconfig file used by this process only.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOfficialDocument } from './layout.ts';
import { SAMPLE_DOCUMENT } from './sample.ts';

const run = promisify(execFile);
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const hasPoppler = existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/pdfinfo');
if (!soffice)
  console.warn(
    '⚠ LibreOffice not installed: the PDF conversion test is SKIPPED (apt-get install -y libreoffice-writer-nogui)',
  );
if (!hasPoppler)
  console.warn(
    '⚠ poppler-utils not installed: page count and PNG preview are SKIPPED (apt-get install -y poppler-utils)',
  );

const ALIASES: Record<string, string> = {
  方正小标宋简体: 'Noto Serif CJK SC',
  宋体: 'Noto Serif CJK SC',
  仿宋_GB2312: 'Noto Serif CJK SC',
  仿宋: 'Noto Serif CJK SC',
  楷体_GB2312: 'Noto Serif CJK SC',
  楷体: 'Noto Serif CJK SC',
  黑体: 'Noto Sans CJK SC',
};

function fontsConf(): string {
  const aliases = Object.entries(ALIASES)
    .map(
      ([from, to]) => `<alias binding="same"><family>${from}</family><prefer><family>${to}</family></prefer></alias>`,
    )
    .join('\n  ');
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  ${aliases}
</fontconfig>
`;
}

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xuncha-docx-'));
  await writeFile(path.join(dir, 'fonts.conf'), fontsConf());
  await writeFile(path.join(dir, 'sample.docx'), await buildOfficialDocument(SAMPLE_DOCUMENT));
  env = { ...process.env, FONTCONFIG_FILE: path.join(dir, 'fonts.conf'), HOME: dir };
});

describe.skipIf(!soffice || !hasPoppler)('LibreOffice preview', () => {
  it('converts to an A4 PDF with "— n —" odd right / even left and renders the pages', async () => {
    await run(
      soffice as string,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        path.join(dir, 'sample.docx'),
      ],
      { env, timeout: 90_000 },
    );
    const pdf = path.join(dir, 'sample.pdf');
    const info = (await run('pdfinfo', [pdf], { env })).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    // LibreOffice sets 21 lines per page where Word sets 22, so the sample takes 3 pages here (2 in Word)
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBe(3);
    const text = (await run('pdftotext', ['-layout', pdf, '-'], { env })).stdout;
    const numberLines = text.split('\n').filter((line) => /^\s*—\s*\d+\s*—\s*$/.test(line));
    expect(numberLines).toHaveLength(pages);
    // odd pages right (indented far), even pages left
    const indents = numberLines.map((line) => line.search(/\S/));
    expect(indents[0]).toBeGreaterThan(20);
    expect(indents[1]).toBeLessThan(5);
    expect(indents[2]).toBeGreaterThan(20);
    expect(text).toContain('2026 年 11 月 24 日印发');
    await run('pdftoppm', ['-png', '-r', '60', pdf, path.join(dir, 'page')], { env });
    console.info(`公文 preview: ${dir}/page-1.png … page-${pages}.png`);
  }, 120_000);
});
