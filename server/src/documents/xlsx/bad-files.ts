// Bad uploads for import tests, made on the fly (no binary fixtures): a Word document renamed to .xlsx,
// random bytes, a broken zip, and "zip bombs" that unpack to hundreds of MB — one honest about its size,
// one declaring a few bytes so that only really inflating it finds out.
import { randomBytes } from 'node:crypto';
import { crc32, createDeflateRaw } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';

interface Entry {
  name: string;
  data: Buffer;
  /** deflated size written into the headers (a lie for the sneaky bomb) */
  declaredSize: number;
  crc: number;
}

/** A zip of deflated entries, byte by byte as the format says (local headers, central directory, end). */
function zipOf(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const deflated = new Map<number, Promise<Buffer>>();
/** `megabytes` of spaces, deflated chunk by chunk so the test never holds them (once per size). */
function deflatedSpaces(megabytes: number): Promise<Buffer> {
  const known = deflated.get(megabytes);
  if (known) return known;
  const made = deflateSpaces(megabytes);
  deflated.set(megabytes, made);
  return made;
}

async function deflateSpaces(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw();
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const mb = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < megabytes; i++) {
    if (!deflate.write(mb)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

async function entry(name: string, text: string): Promise<Entry> {
  const raw = Buffer.from(text);
  const data = await new Promise<Buffer>((resolve, reject) => {
    const deflate = createDeflateRaw();
    const parts: Buffer[] = [];
    deflate.on('data', (c: Buffer) => parts.push(c)).on('end', () => resolve(Buffer.concat(parts)));
    deflate.on('error', reject);
    deflate.end(raw);
  });
  return { name, data, declaredSize: raw.length, crc: crc32(raw) };
}

/** A package with a workbook part whose sheet unpacks to `megabytes` MB; `honest` declares that size. */
export async function zipBomb(megabytes: number, honest: boolean): Promise<Buffer> {
  const sheet = await deflatedSpaces(megabytes);
  return zipOf([
    await entry('[Content_Types].xml', '<?xml version="1.0"?><Types/>'),
    await entry('xl/workbook.xml', '<?xml version="1.0"?><workbook/>'),
    { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: honest ? megabytes * 1024 * 1024 : 100, crc: 0 },
  ]);
}

export async function wordDocument(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('这是一份 Word 文档')] }] }));
}

export const randomFile = () => randomBytes(4096);
/** Starts like a zip (so it passes the magic-number check) but is not one. */
export const brokenZip = () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(4096)]);
