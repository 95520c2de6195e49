// Upload checks against disguised files and hostile names: the extension must be allowed, the content
// must be what the extension says (magic bytes; for Office/OFD packages, their parts), and the name a
// client sends is only ever a label — the file is stored under a generated name.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { receiveFile, safeFileName } from './files.ts';

let filesDir: string;
beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), 'xuncha-files-'));
});
afterAll(() => rm(filesDir, { recursive: true, force: true }));

/** A zip holding these files, stored uncompressed: the smallest honest zip. */
function zipOf(files: Record<string, string>): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    local.push(header, fileName, data);
    central.push(entry, fileName);
    offset += header.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

const receive = (name: string, content: Buffer) => receiveFile(filesDir, name, Readable.from([content]));

async function refusal(name: string, content: Buffer): Promise<AppError> {
  const error = await receive(name, content).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, name).toBeInstanceOf(AppError);
  return error as AppError;
}

async function leftInTmp(): Promise<string[]> {
  const tmp = path.join(filesDir, 'tmp');
  return existsSync(tmp) ? readdir(tmp) : [];
}

describe('disguised files', () => {
  const realDocx = async () =>
    Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('整改报告')] }] })));
  const realXlsx = async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('台账').addRow(['序号']);
    return Buffer.from(await book.xlsx.writeBuffer());
  };

  it('refuses an executable named .pdf, HTML named .jpg and a script named .png, leaving no file', async () => {
    const cases: [string, Buffer][] = [
      ['报告.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)])],
      ['照片.jpg', Buffer.from('<html><script>alert(document.cookie)</script></html>')],
      ['截图.png', Buffer.from('#!/bin/sh\nrm -rf /\n')],
      ['说明.doc', Buffer.from('%PDF-1.4 not an OLE file')],
    ];
    for (const [name, content] of cases) {
      const error = await refusal(name, content);
      expect(error.status).toBe(415);
      expect(error.message).toMatch(/文件内容与扩展名.*不符/);
    }
    expect(await leftInTmp()).toEqual([]);
  });

  it('refuses a plain zip named .docx/.xlsx/.ofd, and a workbook named .docx', async () => {
    const plainZip = zipOf({ 'readme.txt': 'hello', 'payload.exe': 'MZ' });
    for (const name of ['材料.docx', '台账.xlsx', '公文.ofd']) expect((await refusal(name, plainZip)).status).toBe(415);
    expect((await refusal('伪装.docx', await realXlsx())).status).toBe(415);
    // content types but no document part: still not a Word file
    expect((await refusal('空壳.docx', zipOf({ '[Content_Types].xml': '<Types/>' }))).status).toBe(415);
    expect(await leftInTmp()).toEqual([]);
  });

  it('accepts real Office files and an OFD package', async () => {
    for (const [name, content] of [
      ['整改报告.docx', await realDocx()],
      ['整改台账.xlsx', await realXlsx()],
      ['公文.ofd', zipOf({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<ofd:Document/>' })],
    ] as const) {
      const stored = await receive(name, content);
      expect(stored.fileName).toBe(name);
      expect(stored.size).toBe(content.length);
    }
  });

  it('refuses extensions outside the allow-list and empty files', async () => {
    for (const name of ['a.exe', 'a.html', 'a.svg', 'a.js', 'a.pdf.exe', 'noextension', '.htaccess']) {
      expect((await refusal(name, Buffer.from('%PDF-1.4'))).status, name).toBe(415);
    }
    expect((await refusal('a.pdf', Buffer.alloc(0))).status).toBe(400);
  });
});

describe('hostile file names', () => {
  it('keep only the last path segment and are stored under a generated name', async () => {
    const pdf = Buffer.from('%PDF-1.4 x');
    const stored = await receive('../../etc/passwd.pdf', pdf);
    expect(stored.fileName).toBe('passwd.pdf');
    expect(stored.storedName).toMatch(/^[0-9a-f-]{36}$/);
    expect((await receive('..\\..\\windows\\system32\\报告.pdf', pdf)).fileName).toBe('报告.pdf');
    expect((await refusal('../../etc/passwd', pdf)).status).toBe(415);
  });

  it('lose NUL, control and bidirectional-override characters', () => {
    expect(safeFileName('evil.exe\u0000.pdf')).toBe('evil.exe.pdf');
    expect(safeFileName('报告\r\n\t.pdf')).toBe('报告.pdf');
    expect(safeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(safeFileName('a\u2066b\u2069\u200F.pdf')).toBe('ab.pdf');
    expect(safeFileName('../..')).toBe('..');
    expect(safeFileName('/')).toBe('未命名文件');
  });

  it('are cut to 120 characters keeping the extension', () => {
    const name = safeFileName(`${'很长的文件名'.repeat(100)}.pdf`);
    expect([...name]).toHaveLength(120);
    expect(name.endsWith('.pdf')).toBe(true);
    expect([...safeFileName(`${'😀'.repeat(200)}.pdf`)]).toHaveLength(120);
  });
});
