// For tests: .docx → PDF with LibreOffice and the PDF read back with poppler, the way a server-side
// preview would. The official fonts are mapped to Noto CJK by a fontconfig file for these processes only.
// Without LibreOffice or poppler the callers skip, and say so loudly.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const hasPoppler = ['pdfinfo', 'pdftotext', 'pdftoppm'].every((tool) => existsSync(`/usr/bin/${tool}`));
/** Both tools are there: the PDF tests run. */
export const canConvert = Boolean(soffice) && hasPoppler;

if (!soffice)
  console.warn(
    '⚠ LibreOffice not installed: the 公文 PDF conversion tests are SKIPPED (apt-get install -y libreoffice-writer-nogui)',
  );
if (!hasPoppler)
  console.warn('⚠ poppler-utils not installed: the 公文 PDF tests are SKIPPED (apt-get install -y poppler-utils)');

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

export interface PdfInfo {
  pages: number;
  /** e.g. `595.304 x 841.89 pts (A4)` */
  pageSize: string;
  /** pdftotext -layout: pages separated by form feeds */
  text: string;
}

export interface Converter {
  dir: string;
  /** Writes each document as `<name>.docx` and converts them all in ONE soffice run (≈ 1.4 s each). */
  convert(documents: Record<string, Buffer>): Promise<void>;
  info(name: string): Promise<PdfInfo>;
  /** Renders page `page` of `<name>.pdf` to `<outDir>/<name>.png` (page 1) or `<name>-<page>.png`; returns the file. */
  render(name: string, outDir: string, page?: number): Promise<string>;
}

export async function createConverter(): Promise<Converter> {
  const dir = await mkdtemp(path.join(tmpdir(), 'xuncha-docx-'));
  await writeFile(path.join(dir, 'fonts.conf'), fontsConf());
  const env = { ...process.env, FONTCONFIG_FILE: path.join(dir, 'fonts.conf'), HOME: dir };
  const pdf = (name: string) => path.join(dir, `${name}.pdf`);
  return {
    dir,
    async convert(documents) {
      const files = Object.keys(documents).map((name) => path.join(dir, `${name}.docx`));
      await Promise.all(
        Object.entries(documents).map(([name, content]) => writeFile(path.join(dir, `${name}.docx`), content)),
      );
      const profile = `-env:UserInstallation=file://${dir}/profile`;
      const args = [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files];
      await run(soffice as string, args, { env, timeout: 60_000 + files.length * 15_000 });
    },
    async info(name) {
      const info = (await run('pdfinfo', [pdf(name)], { env })).stdout;
      const text = (await run('pdftotext', ['-layout', pdf(name), '-'], { env, maxBuffer: 16 << 20 })).stdout;
      return {
        pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
        pageSize: /Page size:\s+(.+)/.exec(info)?.[1]?.trim() ?? '',
        text,
      };
    },
    async render(name, outDir, page = 1) {
      const prefix = path.join(outDir, page === 1 ? name : `${name}-${page}`);
      const at = String(page);
      await run('pdftoppm', ['-png', '-r', '60', '-f', at, '-l', at, '-singlefile', pdf(name), prefix], { env });
      return `${prefix}.png`;
    },
  };
}
