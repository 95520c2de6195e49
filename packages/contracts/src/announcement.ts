// 巡察公告 (DOMAIN.md §3): how the public reaches the team during the inspection. Saved as a draft,
// published once (before or during 进驻); the public channel itself is issue 8.
import { z } from 'zod';
import { DateString, optionalText } from './common.ts';

export const Announcement = z.object({
  inspectionId: z.string(),
  unitName: z.string(),
  teamName: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  phone: z.string().nullable(),
  mailbox: z.string().nullable(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  receptionHours: z.string().nullable(),
  /** path of the public channel page, relative to the site root */
  publicPath: z.string(),
  publishedAt: z.string().nullable(),
  /** fields still missing before it can be published, as labels */
  missing: z.array(z.string()),
  abilities: z.object({ update: z.boolean(), publish: z.boolean() }),
});
export type Announcement = z.infer<typeof Announcement>;

const phone = z
  .string({ error: '联系电话必须是文字' })
  .trim()
  .regex(/^[0-9()（）+\-\s]{7,30}$/, { error: '联系电话格式不正确' });

export const AnnouncementSave = z
  .object({
    periodStart: DateString.nullable().optional(),
    periodEnd: DateString.nullable().optional(),
    phone: phone.nullable().optional(),
    mailbox: optionalText('邮政信箱', 100).nullable(),
    address: optionalText('接待地点', 200).nullable(),
    email: z.email({ error: '电子邮箱格式不正确' }).max(100).nullable().optional(),
    receptionHours: optionalText('接待时间', 100).nullable(),
  })
  .refine((a) => !a.periodStart || !a.periodEnd || a.periodStart <= a.periodEnd, {
    error: '公告结束日期不能早于开始日期',
    path: ['periodEnd'],
  });
export type AnnouncementSave = z.infer<typeof AnnouncementSave>;

/** Fields a published announcement must have, with their labels (the order the form shows them). */
export const announcementRequired = {
  periodStart: '公告开始日期',
  periodEnd: '公告结束日期',
  phone: '联系电话',
  mailbox: '邮政信箱',
  address: '接待地点',
  receptionHours: '接待时间',
} as const;
