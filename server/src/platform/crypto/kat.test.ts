// Known-answer tests of the 国密 primitives the platform relies on (Node's OpenSSL): SM3 against
// GM/T 0004-2012 Appendix A, SM4 against GM/T 0002-2012 Appendix A (one block and the 1,000,000-fold
// encryption), HMAC-SM3 against GM/T 0042-2015 Appendix D.3, and SM4-CBC (what sealing uses) by its
// definition: CBC over the ECB block function.
import { createCipheriv, createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';

const hex = (value: string) => Buffer.from(value, 'hex');
const sm3 = (data: Buffer | string) => createHash('sm3').update(data).digest('hex');
const key = hex('0123456789abcdeffedcba9876543210');

describe('SM3 (GM/T 0004-2012 Appendix A)', () => {
  it('example 1: "abc"', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('example 2: "abcd" × 16 (512 bits, a second padding block)', () => {
    expect(sm3('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });
});

describe('SM4 (GM/T 0002-2012 Appendix A)', () => {
  const ecb = () => createCipheriv('sm4-ecb', key, null).setAutoPadding(false);

  it('example 1: key = plaintext = 0123456789abcdeffedcba9876543210, one encryption', () => {
    expect(ecb().update(key).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('example 2: the same plaintext encrypted 1,000,000 times with the same key', () => {
    // ECB without padding is a pure block function: each update() encrypts one block on its own
    const cipher = ecb();
    let block = key;
    for (let i = 0; i < 1_000_000; i++) block = cipher.update(block);
    expect(block.toString('hex')).toBe('595298c7c6fd271f0402f804c33d3f66');
  }, 60_000);

  it('SM4-CBC is CBC over that block function (the mode sealed values use)', () => {
    const iv = hex('000102030405060708090a0b0c0d0e0f');
    const plaintext = Buffer.concat([key, hex('00112233445566778899aabbccddeeff')]);
    const cbc = createCipheriv('sm4-cbc', key, iv).setAutoPadding(false);
    const actual = Buffer.concat([cbc.update(plaintext), cbc.final()]);
    const block = ecb();
    const c1 = block.update(xor(plaintext.subarray(0, 16), iv));
    const c2 = block.update(xor(plaintext.subarray(16), c1));
    expect(actual.toString('hex')).toBe(Buffer.concat([c1, c2]).toString('hex'));
  });
});

function xor(a: Buffer, b: Buffer): Buffer {
  return Buffer.from(a.map((byte, i) => byte ^ (b[i] ?? 0)));
}

describe('HMAC-SM3 (GM/T 0042-2015 Appendix D.3)', () => {
  const range = (from: number, to: number) => Buffer.from(Array.from({ length: to - from + 1 }, (_, i) => from + i));
  const cases: [string, Buffer, Buffer | string, string][] = [
    [
      '112-byte message, 32-byte key',
      range(1, 0x20),
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'.repeat(2),
      'ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a',
    ],
    [
      '50 × 0xcd, 37-byte key',
      range(1, 0x25),
      Buffer.alloc(50, 0xcd),
      '220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae',
    ],
    [
      '"Hi There", 32 × 0x0b',
      Buffer.alloc(32, 0x0b),
      'Hi There',
      'c0ba18c68b90c88bc07de794bfc7d2c8d19ec31ed8773bc2b390c9604e0be11e',
    ],
    [
      '"what do ya want for nothing?", key "Jefe"',
      Buffer.from('Jefe'),
      'what do ya want for nothing?',
      '2e87f1d16862e6d964b50a5200bf2b10b764faa9680a296a2405f24bec39f882',
    ],
  ];
  it.each(cases)('%s', (_name, macKey, message, expected) => {
    expect(createHmac('sm3', macKey).update(message).digest('hex')).toBe(expected);
  });
});
