import { INSPECTION_PHASES, PUBLIC_REPORT_EVENTS, PUBLIC_REPORT_STATUSES, ReceiptCode } from '@xuncha/contracts';
import { describe, expect, it } from 'vitest';
import { acceptsPublicReports, nextReportStatus } from './public-report.status.ts';
import { groupReceiptCode, newReceiptCode, receiptDigest } from './receipt.ts';

// The expected table, written out independently of the implementation.
const allowed: Record<string, string> = {
  'received/start': 'in_progress',
  'received/reply': 'replied',
  'received/transfer': 'transferred',
  'in_progress/reply': 'replied',
  'in_progress/transfer': 'transferred',
  'replied/reply': 'replied',
  'replied/reopen': 'in_progress',
  'replied/transfer': 'transferred',
  'transferred/reply': 'transferred',
};

describe('public report state machine', () => {
  for (const from of PUBLIC_REPORT_STATUSES)
    for (const event of PUBLIC_REPORT_EVENTS) {
      const expected = allowed[`${from}/${event}`];
      it(`${from} + ${event} → ${expected ?? 'refused'}`, () => {
        expect(nextReportStatus(from, event)).toBe(expected);
      });
    }

  it('accepts reports only while the team is on site (进驻, 了解情况)', () => {
    expect(INSPECTION_PHASES.filter(acceptsPublicReports)).toEqual(['stationed', 'investigating']);
  });
});

describe('receipt codes', () => {
  it('are 28 characters of base32 (140 bits), unique, and read back in any grouping or case', () => {
    const codes = new Set(Array.from({ length: 2000 }, newReceiptCode));
    expect(codes.size).toBe(2000);
    const code = [...codes][0] as string;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{28}$/);
    const grouped = groupReceiptCode(code);
    expect(grouped).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
    expect(ReceiptCode.parse(` ${grouped.toLowerCase()} `)).toBe(code);
    expect(ReceiptCode.parse(grouped.replaceAll('-', ' '))).toBe(code);
  });

  it('uses every character about equally (each byte picks one of 32 uniformly)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) for (const c of newReceiptCode()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(32);
    const expected = (2000 * 28) / 32;
    for (const n of counts.values()) expect(Math.abs(n - expected)).toBeLessThan(expected * 0.2);
  });

  it('stores only an SM3 digest, different for every code', () => {
    const code = newReceiptCode();
    expect(receiptDigest(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(receiptDigest(code)).not.toContain(code);
    expect(receiptDigest(code)).not.toBe(receiptDigest(newReceiptCode()));
  });

  it('refuses malformed codes with a Chinese message', () => {
    for (const bad of ['', 'ABC', `${newReceiptCode()}X`, '!'.repeat(28)])
      expect(ReceiptCode.safeParse(bad).error?.issues[0]?.message).toMatch(/回执码/);
  });
});
