// Parts of the finished round (demo-finished-round.ts): its inspections, the units' 整改联络员 logins, the
// fieldwork of one inspection and the task of one finding.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../platform/auth/password.ts';
import type { Keyring } from '../platform/crypto/sealed.ts';
import type { Tx } from '../platform/db.ts';
import { addDays, DEMO_PASSWORD } from './demo.ts';
import { addRecord, at, type SeedPlace, type SeedRows } from './demo-fieldwork-write.ts';
import type { FindingTemplate } from './demo-finished-round-data.ts';
import { GIVEN_NAMES, SURNAMES } from './demo-finished-round-people.ts';

export interface RoundInspection extends SeedPlace {
  unitName: string;
  startDate: string;
  endDate: string;
  feedbackDate: string;
  phase: 'rectifying' | 'evaluating' | 'archived';
}

export const personName = (k: number) => `${SURNAMES[k % SURNAMES.length]}${GIVEN_NAMES[(k * 7) % GIVEN_NAMES.length]}`;

export async function finishedRoundInspections(tx: Tx, committeeId: string, year: number): Promise<RoundInspection[]> {
  const rows = await tx
    .selectFrom('inspection as i')
    .innerJoin('round as r', 'r.id', 'i.round_id')
    .innerJoin('org_unit as u', 'u.id', 'i.unit_id')
    .select(['i.id', 'i.unit_id', 'u.name', 'i.start_date', 'i.end_date'])
    .where('r.committee_id', '=', committeeId)
    .where('r.name', '=', `${year - 1}年区委惠民资金专项巡察`)
    .orderBy('u.name')
    .execute();
  // a finished round is never all in one state: a third each still rectifying, being evaluated, archived
  const phases = ['rectifying', 'evaluating', 'archived'] as const;
  return rows.map((r, k) => ({
    committeeId,
    inspectionId: r.id,
    unitId: r.unit_id,
    unitName: r.name,
    startDate: r.start_date,
    endDate: r.end_date,
    feedbackDate: addDays(r.end_date, 20),
    phase: phases[k % 3] as RoundInspection['phase'],
  }));
}

/** One 整改联络员 login per inspected unit: the owner of its tasks. */
export async function liaisons(tx: Tx, inspections: RoundInspection[], committeeId: string): Promise<string[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = inspections.map((ins, k) => ({
    id: randomUUID(),
    username: `zgll${String(k + 1).padStart(2, '0')}`,
    display_name: personName(k + 40),
    password_hash: passwordHash,
    committee_id: committeeId,
    unit_id: ins.unitId,
  }));
  if (users.length === 0) return [];
  await tx.insertInto('app_user').values(users).execute();
  await tx
    .insertInto('user_role')
    .values(users.map((u) => ({ user_id: u.id, role_code: 'unit_liaison', scope_kind: 'unit', scope_id: u.unit_id })))
    .execute();
  return users.map((u) => u.id);
}

export function fieldwork(rows: SeedRows, keyring: Keyring, ins: RoundInspection, k: number, author: string) {
  const on = (n: number) => addDays(ins.startDate, n);
  const ids: string[] = [];
  const posts = ['主要负责人', '分管负责人', '财务科科长', '社会事务科科长'];
  for (const [j, post] of posts.entries()) {
    const name = personName(k * 5 + j);
    ids.push(
      addRecord(rows, keyring, ins, {
        seq: j + 1,
        kind: 'interview',
        title: `与${post}${name}个别谈话`,
        occurredOn: on(2 + j),
        startTime: '09:00',
        place: '巡察组谈话室',
        sensitive: true,
        summary: `${name}介绍了${ins.unitName}惠民资金管理和发放情况，反映个别科室审核把关不严。`,
        details: { interviewee: name, intervieweePost: post, interviewers: '赵刚、钱进' },
        createdBy: author,
      }),
    );
  }
  const plain = [
    {
      kind: 'meeting',
      title: '惠民政策落实情况座谈会',
      details: { topic: '惠民资金管理使用情况', participantCount: 12 + k },
    },
    {
      kind: 'document_review',
      title: '调阅惠民资金发放台账和会计凭证',
      details: {
        documents: [
          { name: '2023—2024 年惠民补贴发放名册', category: 'archive' },
          { name: '2024 年会计凭证', category: 'accounts' },
        ],
      },
    },
    { kind: 'visit', title: '入户走访补贴对象', details: { target: `${ins.unitName}辖区补贴对象 ${10 + k} 户` } },
    {
      kind: 'survey',
      title: '民主测评',
      details: {
        subject: '领导班子和惠民政策落实情况',
        participantCount: 40,
        items: [{ item: '惠民政策落实', good: 25, fair: 10, poor: 5 }],
      },
    },
  ];
  for (const [j, p] of plain.entries()) {
    ids.push(
      addRecord(rows, keyring, ins, {
        seq: posts.length + j + 1,
        ...p,
        occurredOn: on(7 + j),
        sensitive: false,
        summary: `${p.title}：情况已汇总，作为发现问题的依据。`,
        createdBy: author,
      }),
    );
  }
  ids.push(
    addRecord(rows, keyring, ins, {
      seq: posts.length + plain.length + 1,
      kind: 'petition',
      title: '来电反映惠民补贴发放问题',
      occurredOn: on(5),
      sensitive: true,
      summary: `来电反映${ins.unitName}个别工作人员优亲厚友，为不符合条件的亲属办理补贴。`,
      details: { channel: 'phone', anonymous: k % 2 === 0, reflectedUnit: ins.unitName },
      ...(k % 2 === 0 ? {} : { petitioner: { name: personName(k + 90), contact: '137****0000' } }),
      createdBy: author,
    }),
  );
  return ids;
}

/** One task per finding: closed unless the inspection still rectifies, where some are overdue. */
export function addTask(
  rows: SeedRows,
  ins: RoundInspection,
  t: {
    findingId: string;
    template: FindingTemplate;
    k: number;
    j: number;
    owner: string;
    office: string;
  },
) {
  const taskId = randomUUID();
  const created = addDays(ins.feedbackDate, 10);
  const due = addDays(ins.feedbackDate, 60 + 30 * (t.j % 3));
  const stillOpen = ins.phase === 'rectifying' && t.j % 2 === 1;
  const status = stillOpen ? 'in_progress' : 'closed';
  rows.task.push({
    id: taskId,
    committee_id: ins.committeeId,
    unit_id: ins.unitId,
    inspection_id: ins.inspectionId,
    finding_id: t.findingId,
    seq: 1,
    title: t.template.task.title,
    measures: t.template.task.measures,
    responsible_leader: personName(t.k + 60),
    responsible_department: t.template.task.department,
    owner_user_id: t.owner,
    due_date: due,
    status,
    long_term: false,
    created_at: at(created),
    updated_at: at(created),
  });
  const events: [string, string | null, string, string, string][] = [
    ['create', null, 'open', t.owner, created],
    ['start', 'open', 'in_progress', t.owner, addDays(created, 3)],
  ];
  if (!stillOpen) {
    events.push(['submit', 'in_progress', 'submitted', t.owner, addDays(due, -10)]);
    events.push(['verify', 'submitted', 'closed', t.office, addDays(due, -5)]);
  }
  for (const [event, from, to, actor, on] of events) {
    rows.task_event.push({
      task_id: taskId,
      event,
      from_status: from,
      to_status: to,
      actor_id: actor,
      reason: null,
      at: at(on),
    });
  }
}
