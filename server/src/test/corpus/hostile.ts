// The hostile values of the bad-input corpus, grouped by what they attack. Long strings are written
// as {"$repeat": [unit, count]} and expanded by the runner, so corpus.json stays small.

export type Repeat = { $repeat: [string, number] };
export const repeat = (unit: string, count: number): Repeat => ({ $repeat: [unit, count] });

export const HUGE = {
  '100k-chars': repeat('巡', 100_000),
  '1MB': repeat('a', 1024 * 1024 + 16),
};

/** Unicode that breaks naive code: NUL (PostgreSQL text refuses it), lone surrogates, bidi overrides. */
export const UNICODE: Record<string, string> = {
  nul: 'abc\u0000def',
  'lone-high-surrogate': 'x\ud800y',
  'lone-low-surrogate': 'x\udc00y',
  'rtl-override': '\u202egnp.exe',
  'zero-width': '\u200b\u200c\u200d\ufeff',
  'emoji-4-byte': '𝕏😀👨‍👩‍👧‍👦',
  'combining-marks': `Z${'\u0336\u0337\u0338'.repeat(200)}`,
};

export const SQL_INJECTION: Record<string, string> = {
  'or-true': "' OR '1'='1",
  'drop-table': "'; DROP TABLE app_user; --",
  'union-select': '1 UNION SELECT password_hash FROM app_user --',
  'pg-sleep': "'; SELECT pg_sleep(10); --",
};

export const HTML_INJECTION: Record<string, string> = {
  script: '<script>alert(document.cookie)</script>',
  'img-onerror': '<img src=x onerror=alert(1)>',
  'javascript-url': 'javascript:alert(1)',
};

export const PATH_TRAVERSAL: Record<string, string> = {
  'dot-dot': '../../../etc/passwd',
  'encoded-dot-dot': '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  backslash: '..\\..\\windows\\win.ini',
  'nul-byte': 'a%00b',
};

/** Values a UUID parameter must refuse. */
export const BAD_IDS: Record<string, string> = {
  'not-a-uuid': 'not-a-uuid',
  'sql-or': "1' OR '1'='1",
  'path-traversal': '..%2F..%2Fetc%2Fpasswd',
  negative: '-1',
  'too-long': 'a'.repeat(101),
};

export const BAD_NUMBERS: Record<string, unknown> = {
  negative: -1,
  huge: 1e308,
  'beyond-safe-integer': 2 ** 60,
  fraction: 1.5,
  'numeric-string': '12',
};

/** A file name and content pair the upload checks must refuse. */
export const BAD_UPLOADS: { name: string; filename: string; content: string }[] = [
  { name: 'traversal-name-exe-bytes', filename: '../../../etc/cron.d/evil.pdf', content: 'MZ\u0090\u0000 not a pdf' },
  { name: 'exe-extension', filename: 'report.exe', content: 'MZ\u0090\u0000' },
  { name: 'double-extension', filename: 'scan.pdf.php', content: '<?php system($_GET["c"]); ?>' },
  { name: 'rtl-override-name', filename: '\u202efdp.exe', content: 'MZ\u0090\u0000' },
  { name: 'html-as-pdf', filename: 'a.pdf', content: '<html><script>alert(1)</script></html>' },
];
