// `npm run xuncha -- exchange-verify <报送包.json> [--fingerprint <SM3 指纹>]`: checks a 数据报送包 offline, before
// it is carried to the upper network: the format, the SM3 digest and the SM2 signature against the package's
// own signer key, and, given the fingerprint the two offices compared out of band, that this is the signer.
// It opens no database and imports nothing (docs/exchange.md). Exit code 0 when valid, 1 when not.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ExchangePackage } from '@xuncha/contracts';
import { checkDigest, checkSignature } from '../modules/exchange/exchange.package.ts';
import { runReporting } from './command.ts';

const USAGE = 'npm run xuncha -- exchange-verify <报送包.json> [--fingerprint <签名人公钥 SM3 指纹>]';

/** The verdict as the lines to print; pure, so the command's wording is tested without a process. */
export function verifyPackageText(text: string, fingerprint?: string): { ok: boolean; lines: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, lines: ['结果：文件不是有效的 JSON'] };
  }
  const parsed = ExchangePackage.safeParse(raw);
  if (!parsed.success || typeof raw !== 'object' || raw === null) {
    const issues = parsed.success ? [] : parsed.error.issues.slice(0, 5);
    return {
      ok: false,
      lines: ['结果：报送包格式不正确', ...issues.map((i) => `  ${i.path.join('.') || '（根）'}：${i.message}`)],
    };
  }
  const pkg = parsed.data;
  const body = raw as Record<string, unknown>;
  const lines = [
    `报送单位：${pkg.source.committeeName}（${pkg.source.committeeLevel}），期间 ${pkg.period.from} 至 ${pkg.period.to}`,
    `轮次 ${pkg.statistics.rounds}，巡察 ${pkg.statistics.inspections}，问题 ${pkg.statistics.findings}，整改任务 ${pkg.statistics.tasks}`,
    `签名人指纹：${pkg.signer.fingerprint}`,
  ];
  const refusal = checkDigest(body, pkg) ?? checkSignature(body, pkg, pkg.signer.publicKey);
  if (refusal) return { ok: false, lines: [...lines, `结果：${refusal.message}`] };
  if (fingerprint !== undefined && fingerprint.trim().toLowerCase() !== pkg.signer.fingerprint)
    return { ok: false, lines: [...lines, '结果：签名人指纹与线下核对的指纹不一致，请勿导入'] };
  const who = fingerprint === undefined ? '（未提供核对指纹：仅证明内容未被改动，签名人须导入时由可信公钥确认）' : '';
  return { ok: true, lines: [...lines, `结果：摘要与签名均有效${who}`] };
}

export function runExchangeVerify(args: string[]): Promise<number> {
  return runReporting(USAGE, async () => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { fingerprint: { type: 'string' } },
    });
    const [file] = positionals;
    if (!file || positionals.length > 1) {
      console.error(`用法：${USAGE}`);
      return 2;
    }
    const { ok, lines } = verifyPackageText(await readFile(file, 'utf8'), values.fingerprint);
    for (const line of lines) console.log(line);
    return ok ? 0 : 1;
  });
}
