// 数据报送交换 (issue 9, DOMAIN.md §9 across deployments): a lower deployment exports a signed package of a
// committee's statistics and round summaries; the upper deployment imports it after checking the format,
// the SM3 digest and the SM2 signature against a key it registered out of band. Only aggregates travel: no
// person names, no clue content, no finding text (docs/exchange.md describes the format).
import { z } from 'zod';
import { DateString, Id, optionalText, PageQuery, pageOf, text } from './common.ts';

export const EXCHANGE_FORMAT = 'xuncha-exchange/1';

/** Uncompressed SM2 public key: 04 ‖ X ‖ Y, lowercase hex (130 characters). */
export const Sm2PublicKeyHex = z
  .string({ error: '公钥必须是文字' })
  .trim()
  .toLowerCase()
  .regex(/^04[0-9a-f]{128}$/, { error: '公钥应为 04 开头的 130 位十六进制（未压缩 SM2 公钥）' });
const Sm3Hex = z.string().regex(/^[0-9a-f]{64}$/, { error: '应为 64 位小写十六进制 SM3 摘要' });
const Count = z.number().int().min(0);
/** A share between 0 and 1 rounded to 4 decimals; null when there is nothing to divide by. */
const Rate = z.number().min(0).max(1).nullable();

/** 四个方面, by code (taxonomy.ts aspect). */
export const AspectCounts = z.strictObject({
  party_leadership: Count,
  party_building: Count,
  strict_governance: Count,
  anti_corruption: Count,
});

const Counters = {
  inspections: Count,
  findings: Count,
  findingsByAspect: AspectCounts,
  tasks: Count,
  closed: Count,
  overdue: Count,
  rectificationRate: Rate,
  handovers: Count,
  handoversConcluded: Count,
};

export const ExchangeRound = z.strictObject({
  name: z.string().max(200),
  year: z.number().int(),
  seq: z.number().int(),
  startDate: DateString,
  endDate: DateString,
  units: Count,
  ...Counters,
});
export type ExchangeRound = z.infer<typeof ExchangeRound>;

export const ExchangeStatistics = z.strictObject({ rounds: Count, units: Count, ...Counters });
export type ExchangeStatistics = z.infer<typeof ExchangeStatistics>;

export const ExchangeSource = z.strictObject({
  committeeId: Id,
  committeeName: z.string().min(1).max(200),
  committeeLevel: z.string().max(50),
  deploymentId: Id,
});

export const ExchangePeriod = z
  .strictObject({ from: DateString, to: DateString })
  .refine((p) => p.from <= p.to, { error: '起始日期不能晚于截止日期', path: ['to'] });

/** The whole package as it travels. `digest` and `signature` cover everything else (canonical JSON). */
export const ExchangePackage = z.strictObject({
  format: z.literal(EXCHANGE_FORMAT, { error: `格式标识应为 ${EXCHANGE_FORMAT}` }),
  packageId: Id,
  generatedAt: z.iso.datetime({ error: '生成时间格式不正确' }),
  asOf: DateString,
  source: ExchangeSource,
  period: ExchangePeriod,
  statistics: ExchangeStatistics,
  rounds: z.array(ExchangeRound).max(500),
  signer: z.strictObject({ publicKey: Sm2PublicKeyHex, fingerprint: Sm3Hex }),
  digest: Sm3Hex,
  signature: z.string().regex(/^[0-9a-f]{128}$/, { error: '签名应为 128 位十六进制（r ‖ s）' }),
});
export type ExchangePackage = z.infer<typeof ExchangePackage>;

/** The import body before verification: any JSON object (checked strictly by the service, refusals audited). */
export const ExchangeImportBody = z.record(z.string(), z.unknown(), { error: '报送包应为 JSON 对象' });

export const ExchangeCommitteeQuery = z.object({ committeeId: Id.optional() });

export const ExchangeIdentity = z.object({
  deploymentId: Id,
  publicKey: z.string(),
  fingerprint: z.string(),
  createdAt: z.string(),
});
export type ExchangeIdentity = z.infer<typeof ExchangeIdentity>;
/** null until the first export or 生成签名密钥 makes the key pair. */
export const ExchangeIdentityView = z.object({ identity: ExchangeIdentity.nullable() });
export type ExchangeIdentityView = z.infer<typeof ExchangeIdentityView>;

/** At most about ten years in one package: rounds are few per year, the package stays small. */
export const ExchangeExportInput = z
  .object({ committeeId: Id.optional(), from: DateString, to: DateString })
  .refine((p) => p.from <= p.to, { error: '起始日期不能晚于截止日期', path: ['to'] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 3700 * 86_400_000, {
    error: '报送期间不能超过十年',
    path: ['to'],
  });
export type ExchangeExportInput = z.infer<typeof ExchangeExportInput>;

export const ExchangeExportRow = z.object({
  id: Id,
  committeeName: z.string(),
  from: z.string(),
  to: z.string(),
  digest: z.string(),
  fingerprint: z.string(),
  rounds: z.number(),
  exportedBy: z.string(),
  exportedAt: z.string(),
});
export const ExchangeExportPage = pageOf(ExchangeExportRow);
export const ExchangeListQuery = PageQuery.extend({ committeeId: Id.optional() });
export type ExchangeListQuery = z.infer<typeof ExchangeListQuery>;

export const TrustedKeyInput = z.object({
  committeeId: Id.optional(),
  publicKey: Sm2PublicKeyHex,
  sourceCommitteeName: text('报送单位名称', 200),
  note: optionalText('备注', 500),
});
export type TrustedKeyInput = z.infer<typeof TrustedKeyInput>;

export const TrustedKey = z.object({
  id: Id,
  publicKey: z.string(),
  fingerprint: z.string(),
  sourceCommitteeName: z.string(),
  note: z.string().nullable(),
  active: z.boolean(),
  registeredBy: z.string(),
  registeredAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type TrustedKey = z.infer<typeof TrustedKey>;
export const TrustedKeyPage = pageOf(TrustedKey);

export const ExchangeImportRow = z.object({
  id: Id,
  packageId: Id,
  sourceCommitteeName: z.string(),
  sourceCommitteeLevel: z.string(),
  trustedName: z.string(),
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  digest: z.string(),
  fingerprint: z.string(),
  statistics: ExchangeStatistics,
  importedBy: z.string(),
  importedAt: z.string(),
});
export type ExchangeImportRow = z.infer<typeof ExchangeImportRow>;
export const ExchangeImportPage = pageOf(ExchangeImportRow);
export const ExchangeImportDetail = ExchangeImportRow.extend({ rounds: z.array(ExchangeRound) });
export type ExchangeImportDetail = z.infer<typeof ExchangeImportDetail>;
