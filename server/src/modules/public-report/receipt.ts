// Receipt codes: 28 random characters of Crockford base32 (140 bits, ≥ 128 required), shown to the reporter
// once. Only the SM3 digest of the normalised code is stored, so nobody holding the database can look a
// report up by code, and a lost code cannot be shown again.
import { createHash, randomBytes } from 'node:crypto';
import { RECEIPT_ALPHABET, RECEIPT_CODE_LENGTH } from '@xuncha/contracts';

/** Each random byte picks one of 32 characters (256 = 8 × 32, so the choice is uniform). */
export function newReceiptCode(): string {
  return [...randomBytes(RECEIPT_CODE_LENGTH)].map((b) => RECEIPT_ALPHABET[b % 32]).join('');
}

/** ABCD-EFGH-…: groups of four for reading aloud and copying by hand. */
export function groupReceiptCode(code: string): string {
  return (code.match(/.{1,4}/g) ?? []).join('-');
}

/** The stored form; `code` is already normalised (ReceiptCode in the contracts). */
export function receiptDigest(code: string): string {
  return createHash('sm3').update(`xuncha/receipt:${code}`).digest('hex');
}
