// The district's finished round (step 5 of demo-district.ts): last year's 惠民资金专项巡察 of demo-planning.ts,
// taken from 进驻 to 整改. Each of its inspections gets fieldwork, 4–8 findings (two 共性问题 each), clues handed
// to 纪委监委 and answered across the 四种形态, 选人用人 problems handed to 组织部, an approved report, the feedback,
// tasks (closed where the inspection is evaluating or archived; some overdue where it is still rectifying), a
// 整改联络员 login per unit, and a good practice. Everything is built in memory and written in a few statements.
import { randomUUID } from 'node:crypto';
import { addTimeLimit, DEFAULT_TIME_LIMITS } from '@xuncha/contracts';
import type { Keyring } from '../platform/crypto/sealed.ts';
import type { Tx } from '../platform/db.ts';
import { addDays } from './demo.ts';
import type { DistrictContext } from './demo-district.ts';
import { addClue, addGoodPractice, addMeeting, addReport, at, emptyRows, flushRows } from './demo-fieldwork-write.ts';
import { COMMON_FINDINGS, SPECIFIC_FINDINGS } from './demo-finished-round-data.ts';
import { addTask, fieldwork, finishedRoundInspections, liaisons, personName } from './demo-finished-round-parts.ts';
import { CLUE_TEMPLATES, GOOD_PRACTICES } from './demo-finished-round-people.ts';
import { addHandover } from './demo-handover-write.ts';

export async function seedDemoFinishedRound(tx: Tx, keyring: Keyring, context: DistrictContext): Promise<void> {
  const { ids, today } = context;
  const year = Number(today.slice(0, 4));
  const inspections = await finishedRoundInspections(tx, ids.committeeId, year);
  if (inspections.length === 0) return;
  const owners = await liaisons(tx, inspections, ids.committeeId);
  const u = (key: string) => ids.users[key] as string;
  const rows = emptyRows();
  const lastEnd = inspections
    .map((i) => i.endDate)
    .sort()
    .at(-1) as string;
  const decisions = addMeeting(rows, {
    committeeId: ids.committeeId,
    kind: 'leading_group',
    title: `区委巡察工作领导小组 ${year - 1} 年第 5 次会议`,
    heldOn: addDays(lastEnd, 10),
    place: '区委常委会议室',
    host: '李明',
    attendees: ['李明', '王芳', '孙立', '周敏'],
    recorder: '刘畅',
    summary: '听取惠民资金专项巡察情况汇报，审定各巡察报告，研究问题线索和选人用人问题移交。',
    createdBy: u('office'),
    decisions: inspections.flatMap((ins) => [
      { kind: 'approve_report', inspectionId: ins.inspectionId, content: `同意${ins.unitName}巡察报告。` },
      { kind: 'handover', inspectionId: ins.inspectionId, content: '同意按规定移交问题线索和有关问题。' },
    ]),
  });
  let handoverSeq = 0;
  let clueCount = 0;
  for (const [k, ins] of inspections.entries()) {
    const records = fieldwork(rows, keyring, ins, k, u('zuyuan'));
    const templates = [
      COMMON_FINDINGS[k % COMMON_FINDINGS.length],
      COMMON_FINDINGS[(k + 1) % COMMON_FINDINGS.length],
      ...Array.from({ length: 2 + ((k * 3) % 5) }, (_, j) => SPECIFIC_FINDINGS[(k * 2 + j) % SPECIFIC_FINDINGS.length]),
    ].filter((f) => f !== undefined);
    const heldOn = addDays(lastEnd, 10);
    const approveDecision = decisions[k * 2] as string;
    const handoverDecision = decisions[k * 2 + 1] as string;
    for (const [j, f] of templates.entries()) {
      const findingId = randomUUID();
      const n = String(2 + ((k + j) % 7));
      rows.finding.push({
        id: findingId,
        committee_id: ins.committeeId,
        inspection_id: ins.inspectionId,
        unit_id: ins.unitId,
        seq: j + 1,
        title: f.title,
        facts: f.facts.replaceAll('{unit}', ins.unitName).replaceAll('{n}', n),
        aspect: f.aspect,
        discipline: f.discipline,
        major_problem: f.majorProblem,
        focus: f.focus,
        power_type: f.powerType,
        areas: f.areas,
        is_common: f.isCommon,
        eight_rules: f.eightRules,
        status: 'fed_back',
        created_by: u('zuzhang'),
        created_at: at(addDays(ins.endDate, -5)),
      });
      addTask(rows, ins, { findingId, template: f, k, j, owner: owners[k] as string, office: u('office') });
      if (f.areas.includes('cadre_selection')) {
        const sentOn = addDays(heldOn, 5);
        handoverSeq += 1;
        addHandover(rows, keyring, ins, {
          year: Number(sentOn.slice(0, 4)),
          seq: handoverSeq,
          kind: 'cadre',
          findingId,
          recipient: 'organization',
          recipientName: '区委组织部',
          sentOn,
          dueDate: addTimeLimit(sentOn, DEFAULT_TIME_LIMITS.handover_other),
          decisionId: handoverDecision,
          sentBy: u('office'),
          handlerName: '周敏',
          steps: [
            { event: 'accept', on: addDays(sentOn, 2), by: u('zuzhibu') },
            { event: 'conclude', on: addDays(sentOn, 25), by: u('zuzhibu') },
            { event: 'close', on: addDays(sentOn, 28), by: u('office') },
          ],
          result: {
            disposition: null,
            concludedOn: addDays(sentOn, 25),
            summary: '已对问题干部选任事项逐项复核，责令单位党组作出书面检查，完善选人用人工作纪实。',
            measures: '责令书面检查；对 1 名干部暂缓使用',
            persons: [],
          },
        });
      }
    }
    // every other inspection had a clue, handed to 纪委监委 and answered in one of the 四种形态
    if (k % 2 === 0) {
      const clue = CLUE_TEMPLATES[clueCount % CLUE_TEMPLATES.length];
      clueCount += 1;
      if (clue) {
        const subject = personName(k * 3 + 11);
        const clueId = addClue(rows, keyring, ins, {
          seq: clueCount, // clues are numbered within the round
          category: clue.category,
          source: clue.source,
          receivedOn: addDays(ins.startDate, 6),
          sourceRecordId: records.at(-1),
          content: {
            subjectName: subject,
            subjectPost: clue.subjectPost,
            allegation: clue.allegation,
            evidence: clue.evidence,
          },
          registeredBy: u('zuzhang'),
          steps: [{ event: 'verify', on: addDays(ins.startDate, 12), by: u('zuzhang') }],
        });
        const sentOn = addDays(heldOn, 5);
        const concludedOn = addDays(sentOn, 70);
        // the rectifying inspections' clues are still being handled (the last one overdue)
        const finished = ins.phase !== 'rectifying';
        handoverSeq += 1;
        const form = clue.disposition.startsWith('form') ? (clue.disposition.slice(4) as '1' | '2' | '3' | '4') : null;
        addHandover(rows, keyring, ins, {
          year: Number(sentOn.slice(0, 4)),
          seq: handoverSeq,
          kind: 'clue',
          clueId,
          recipient: 'discipline',
          recipientName: '区纪委监委',
          sentOn,
          dueDate: addTimeLimit(sentOn, DEFAULT_TIME_LIMITS.handover_clue),
          decisionId: handoverDecision,
          sentBy: u('office'),
          handlerName: '孙立',
          steps: [
            { event: 'accept', on: addDays(sentOn, 3), by: u('jiwei') },
            { event: 'progress', on: addDays(sentOn, 30), by: u('jiwei'), note: '正在初步核实' },
            ...(finished
              ? [
                  { event: 'conclude' as const, on: concludedOn, by: u('jiwei') },
                  { event: 'close' as const, on: addDays(concludedOn, 5), by: u('office') },
                ]
              : []),
          ],
          ...(finished
            ? {
                result: {
                  disposition: clue.disposition,
                  concludedOn,
                  summary: `经核查，${clue.measure}。`,
                  persons: [
                    {
                      name: subject,
                      post: clue.subjectPost,
                      form,
                      measure: clue.measure,
                      decidedOn: addDays(concludedOn, -3),
                    },
                  ],
                },
              }
            : {}),
        });
      }
    }
    const reportOn = addDays(ins.endDate, 3);
    addReport(rows, ins.inspectionId, {
      kind: 'report',
      versions: [
        {
          content: `关于${ins.unitName}惠民资金专项巡察情况的报告\n\n共发现问题 ${templates.length} 个：\n${templates.map((f, j) => `（${j + 1}）${f.title}`).join('\n')}`,
          note: '报领导小组审定稿',
          on: reportOn,
          by: u('zuzhang'),
        },
      ],
      steps: [
        { event: 'submit', version: 1, on: addDays(reportOn, 1), by: u('zuzhang') },
        { event: 'approve', version: 1, on: heldOn, by: u('leader'), decisionId: approveDecision },
      ],
    });
    addReport(rows, ins.inspectionId, {
      kind: 'feedback',
      versions: [
        {
          content: `区委巡察组关于${ins.unitName}惠民资金专项巡察的反馈意见`,
          on: addDays(heldOn, 3),
          by: u('zuzhang'),
        },
      ],
      steps: [],
    });
    const practice = GOOD_PRACTICES[k % GOOD_PRACTICES.length];
    if (practice) {
      addGoodPractice(rows, ins, {
        ...practice,
        promote: k % 3 === 0,
        createdBy: u('zuzhang'),
        on: addDays(ins.startDate, 20),
      });
    }
  }
  await flushRows(tx, rows);
  for (const phase of ['rectifying', 'evaluating', 'archived'] as const) {
    const idsOfPhase = inspections.filter((i) => i.phase === phase).map((i) => i.inspectionId);
    if (idsOfPhase.length) await tx.updateTable('inspection').set({ phase }).where('id', 'in', idsOfPhase).execute();
  }
}
