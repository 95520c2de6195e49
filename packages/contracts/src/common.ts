import { z } from 'zod';

export const Id = z.uuid({ error: '编号格式不正确' });
export const IdParams = z.object({ id: Id });

/** Calendar date as `YYYY-MM-DD` (Asia/Shanghai); the database returns dates in this form too. */
export const DateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      error: '日期不存在',
    },
  )
  // years outside this range are typing mistakes, and year 0 cannot be stored by PostgreSQL
  .refine((s) => s >= '1900-01-01' && s <= '2100-12-31', { error: '日期应在 1900 年至 2100 年之间' });

/** Required free text: trimmed, not blank, bounded. */
export function text(label: string, max: number) {
  return z
    .string({ error: `${label}必须是文字` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 个字` });
}

export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字` })
    .optional();
}

export const PageQuery = z.object({
  page: z.coerce.number({ error: '页码必须是数字' }).int().min(1, { error: '页码从 1 开始' }).default(1),
  pageSize: z.coerce
    .number({ error: '每页条数必须是数字' })
    .int()
    .min(1, { error: '每页至少 1 条' })
    .max(100, { error: '每页最多 100 条' })
    .default(20),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
}

/** Query-string boolean: only the literal strings true/false are accepted. */
export const QueryBool = z.enum(['true', 'false'], { error: '应为 true 或 false' }).transform((v) => v === 'true');
