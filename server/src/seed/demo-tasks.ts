// Demo rectification tasks of 区住建局, one in each interesting state, with history and evidence.
import type { TaskEvent, TaskStatus } from '@xuncha/contracts';
import type { Tx } from '../platform/db.ts';
import { addDays } from './demo.ts';

interface DemoTask {
  key: string;
  finding: string;
  owner: string;
  title: string;
  measures: string;
  department: string;
  dueInDays: number;
  longTerm?: boolean;
  /** events after creation, in order; the last `to` is the task's status */
  steps: { event: TaskEvent; to: TaskStatus; by: string; reason?: string }[];
  evidence?: { kind: 'money' | 'person' | 'document'; description: string; amount?: number };
}

const TASKS: DemoTask[] = [
  {
    key: 'closed',
    finding: 'f3',
    owner: 'zerenren',
    title: '清退违规发放的津补贴',
    measures: '逐人核算 2024 年违规发放的“加班补助”，限期全额清退，由局计财科出具收款凭证。',
    department: '局计划财务科',
    dueInDays: -30,
    steps: [
      { event: 'start', to: 'in_progress', by: 'zerenren' },
      { event: 'submit', to: 'submitted', by: 'zerenren', reason: '已全部清退，附收款凭证。' },
      { event: 'verify', to: 'closed', by: 'office', reason: '凭证齐全，同意销号。' },
    ],
    evidence: { kind: 'money', description: '已追缴违规发放津补贴', amount: 126000 },
  },
  {
    key: 'submitted',
    finding: 'f2',
    owner: 'zerenren',
    title: '倒查“先施工后招标”项目并追究相关人员责任',
    measures: '对 4 个项目逐一倒查招标程序，形成倒查报告；对相关责任人提出处理意见。',
    department: '建筑市场管理科',
    dueInDays: 20,
    steps: [
      { event: 'start', to: 'in_progress', by: 'zerenren' },
      { event: 'submit', to: 'submitted', by: 'zerenren', reason: '倒查报告已完成，2 名责任人已诫勉谈话。' },
    ],
    evidence: { kind: 'person', description: '对 2 名责任人进行诫勉谈话' },
  },
  {
    key: 'overdue',
    finding: 'f2',
    owner: 'zerenren',
    title: '修订《政府投资项目招标管理办法》',
    measures: '明确招标前置审查和“先招标后施工”硬性要求，经局党组会审议后印发。',
    department: '政策法规科',
    dueInDays: -10,
    steps: [{ event: 'start', to: 'in_progress', by: 'zerenren' }],
  },
  {
    key: 'open',
    finding: 'f1',
    owner: 'zerenren',
    title: '召开全面从严治党专题会议，制定下属单位监督清单',
    measures: '局党组召开专题会议研究部署；制定对下属单位的监督事项清单，每季度听取一次汇报。',
    department: '局办公室',
    dueInDays: 30,
    steps: [],
  },
  {
    key: 'returned',
    finding: 'f1',
    owner: 'zerenren2',
    title: '开展质量安全监督站违规收费专项清理',
    measures: '全面清理监督站收取“咨询费”情况，违规收取的费用全部退还企业。',
    department: '区质量安全监督站',
    dueInDays: 15,
    steps: [
      { event: 'start', to: 'in_progress', by: 'zerenren2' },
      { event: 'submit', to: 'submitted', by: 'zerenren2', reason: '已完成清理。' },
      { event: 'return', to: 'returned', by: 'office', reason: '佐证材料不完整，缺少向企业退费的凭证。' },
    ],
    evidence: { kind: 'document', description: '专项清理工作情况说明（纸质件已报送）' },
  },
  {
    key: 'longterm',
    finding: 'f3',
    owner: 'zerenren2',
    title: '建立公务接待审批和公函制度并常态化检查',
    measures: '制定公务接待管理办法，接待一律凭公函；纪检组每季度抽查接待清单。',
    department: '局办公室',
    dueInDays: 60,
    longTerm: true,
    steps: [{ event: 'start', to: 'in_progress', by: 'zerenren2' }],
  },
];

export async function seedDemoTasks(
  tx: Tx,
  world: {
    committeeId: string;
    unitId: string;
    inspectionId: string;
    findings: Record<string, string>;
    users: Record<string, string>;
    today: string;
  },
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const seqByFinding = new Map<string, number>();
  const user = (key: string) => world.users[key] as string;
  for (const [i, task] of TASKS.entries()) {
    const findingId = world.findings[task.finding] as string;
    const seq = (seqByFinding.get(findingId) ?? 0) + 1;
    seqByFinding.set(findingId, seq);
    const status = task.steps.at(-1)?.to ?? 'open';
    const created = await tx
      .insertInto('task')
      .values({
        committee_id: world.committeeId,
        unit_id: world.unitId,
        inspection_id: world.inspectionId,
        finding_id: findingId,
        seq,
        title: task.title,
        measures: task.measures,
        responsible_leader: '吴建国',
        responsible_department: task.department,
        owner_user_id: user(task.owner),
        due_date: addDays(world.today, task.dueInDays),
        status,
        long_term: task.longTerm ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[task.key] = created.id;
    // history timestamps a few days apart, oldest first
    const at = (step: number) =>
      new Date(Date.parse(`${addDays(world.today, -90 + i + step * 5)}T02:00:00Z`)).toISOString();
    await tx
      .insertInto('task_event')
      .values({
        task_id: created.id,
        event: 'create',
        from_status: null,
        to_status: 'open',
        actor_id: user('lianluo'),
        reason: null,
        at: at(0),
      })
      .execute();
    let from: TaskStatus = 'open';
    for (const [s, step] of task.steps.entries()) {
      await tx
        .insertInto('task_event')
        .values({
          task_id: created.id,
          event: step.event,
          from_status: from,
          to_status: step.to,
          actor_id: user(step.by),
          reason: step.reason ?? null,
          at: at(s + 1),
        })
        .execute();
      from = step.to;
    }
    if (task.evidence) {
      await tx
        .insertInto('evidence')
        .values({
          task_id: created.id,
          kind: task.evidence.kind,
          description: task.evidence.description,
          amount: task.evidence.amount ?? null,
          uploaded_by: user(task.owner),
          at: at(1),
        })
        .execute();
    }
  }
  return ids;
}
