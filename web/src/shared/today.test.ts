import { describe, expect, it } from 'vitest';
import { todayInShanghai } from './today.ts';

describe('todayInShanghai', () => {
  it('is the Shanghai calendar day, whatever the browser clock zone', () => {
    // 01:00 on 15 June in Shanghai is still 14 June in UTC and in the Americas
    expect(todayInShanghai(new Date('2026-06-14T17:00:00Z')).format('YYYY-MM-DD')).toBe('2026-06-15');
    // 23:59 on 14 June in Shanghai is already 14 June everywhere east of UTC−8
    expect(todayInShanghai(new Date('2026-06-14T15:59:00Z')).format('YYYY-MM-DD')).toBe('2026-06-14');
  });
});
