// 审计日志防篡改: the result of verifying the SM3 hash chain over the audit log (GET /api/audit/verify,
// `npm run xuncha -- verify-audit`).
import { z } from 'zod';

export const auditChainBreakKinds = ['edited', 'deleted', 'reordered', 'unchained'] as const;
export const auditChainBreakKindLabels: Record<(typeof auditChainBreakKinds)[number], string> = {
  edited: '条目被修改',
  deleted: '条目被删除（链断开）',
  reordered: '条目顺序被调换',
  unchained: '条目未入链',
};

export const AuditChainBreak = z.object({
  /** The first entry (by id) whose hash or link does not check out. */
  id: z.number(),
  kind: z.enum(auditChainBreakKinds),
  /** The previous entry's hash: what this entry's prev_hash should be. */
  expectedPrevHash: z.string(),
  storedPrevHash: z.string().nullable(),
  storedHash: z.string().nullable(),
  /** SM3 over the stored prev_hash and the entry as it is now. */
  computedHash: z.string().nullable(),
  /** reordered: the id this entry's content was originally written under. */
  movedFromId: z.number().nullable(),
});
export type AuditChainBreak = z.infer<typeof AuditChainBreak>;

export const AuditChainReport = z.object({
  ok: z.boolean(),
  checked: z.number(),
  /** Entries failing their own hash or their link (the chain resynchronises after each). */
  broken: z.number(),
  firstBreak: AuditChainBreak.nullable(),
  /** The last entry: note it down — cutting entries off the end is only visible against an earlier head. */
  head: z.object({ id: z.number(), hash: z.string().nullable() }).nullable(),
  elapsedMs: z.number(),
});
export type AuditChainReport = z.infer<typeof AuditChainReport>;
