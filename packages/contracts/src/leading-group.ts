// 巡察工作领导小组 and 巡察办 members (DOMAIN.md §2). A post drives the default role of a member
// who has an account (taxonomy.ts defaultRoleOfPost).
import { z } from 'zod';
import { DateString, Id, optionalText, PageQuery, pageOf, QueryBool, text } from './common.ts';
import { memberBody, memberPost, postsOfBody } from './taxonomy.ts';

export const CommitteeMember = z.object({
  id: z.string(),
  committeeId: z.string(),
  body: memberBody.schema,
  post: memberPost.schema,
  name: z.string(),
  title: z.string().nullable(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  /** the role this membership granted (and will revoke when it ends); null when none was needed */
  grantedRole: z.string().nullable(),
  abilities: z.object({ end: z.boolean() }),
});
export type CommitteeMember = z.infer<typeof CommitteeMember>;
export const CommitteeMemberPage = pageOf(CommitteeMember);

export const CommitteeMemberQuery = PageQuery.extend({
  body: memberBody.schema.optional(),
  includeEnded: QueryBool.optional(),
});
export type CommitteeMemberQuery = z.output<typeof CommitteeMemberQuery>;

export const CommitteeMemberCreate = z
  .object({
    body: memberBody.schema,
    post: memberPost.schema,
    name: text('姓名', 50),
    title: optionalText('职务', 100),
    userId: Id.optional(),
    startedOn: DateString,
  })
  .refine((m) => postsOfBody[m.body].includes(m.post), { error: '该职务不属于所选机构', path: ['post'] });
export type CommitteeMemberCreate = z.infer<typeof CommitteeMemberCreate>;

export const CommitteeMemberEnd = z.object({ endedOn: DateString, reason: text('离任原因', 200) });
export type CommitteeMemberEnd = z.infer<typeof CommitteeMemberEnd>;
