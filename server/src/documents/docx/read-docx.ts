// For tests: a generated .docx opened as Word would — unzipped, its XML parts read as text.
import JSZip from 'jszip';

export interface DocxParts {
  /** Every .xml part by its path in the package, e.g. word/document.xml, word/styles.xml. */
  files: Record<string, string>;
  /** word/document.xml */
  document: string;
}

export async function readDocx(content: Buffer | Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(content);
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml')) files[name] = (await zip.file(name)?.async('string')) ?? '';
  }
  return { files, document: files['word/document.xml'] ?? '' };
}

const PARAGRAPH = /<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g;

/** The XML of each paragraph, in order. */
export function paragraphXml(documentXml: string): string[] {
  return documentXml.match(PARAGRAPH) ?? [];
}

/** A paragraph's text, its runs joined. */
export function textOf(paragraph: string): string {
  return [...paragraph.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

/** The XML of the first paragraph whose XML contains `text`. */
export function paragraphWith(documentXml: string, text: string): string {
  const found = paragraphXml(documentXml).find((p) => p.includes(text));
  if (!found) throw new Error(`no paragraph with ${text}`);
  return found;
}

/** The paragraph style id (GwTitle, GwBody, GwHeading1 …) or '' for none. */
export function styleOf(paragraph: string): string {
  return /<w:pStyle w:val="([^"]+)"/.exec(paragraph)?.[1] ?? '';
}
