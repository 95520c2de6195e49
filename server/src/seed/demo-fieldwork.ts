// The core demo's inspection of 区住建局 from 进驻 to 移交: what the team learned (three sealed interviews, a
// 座谈会, a 调阅资料 list, a sealed 来信), two clues (one handed to 纪委监委 and answered with 第二种形态, one
// still registered), the report approved by the 领导小组 after one return, a feedback draft, the 选人用人
// problem handed to 组织部 (accepted, now past its due date) and two good practices. API tests rely on it.
import { addTimeLimit, DEFAULT_TIME_LIMITS } from '@xuncha/contracts';
import type { Keyring } from '../platform/crypto/sealed.ts';
import type { Tx } from '../platform/db.ts';
import { addDays } from './demo.ts';
import { ZHUJIAN_REPORT_V1, ZHUJIAN_REPORT_V2 } from './demo-data.ts';
import {
  addClue,
  addGoodPractice,
  addMeeting,
  addRecord,
  addReport,
  emptyRows,
  flushRows,
  type SeedPlace,
} from './demo-fieldwork-write.ts';
import { addHandover } from './demo-handover-write.ts';

export interface DemoFieldworkIds {
  fieldwork: Record<
    'interviewHead' | 'interviewMarket' | 'interviewStation' | 'meeting' | 'documents' | 'petition',
    string
  >;
  clues: Record<'handedOver' | 'registered', string>;
  handovers: Record<'clue' | 'cadre', string>;
  reports: Record<'report' | 'feedback', string>;
  meetingId: string;
  decisions: Record<'approveReport' | 'handover' | 'feedback', string>;
  goodPractices: string[];
}

export interface FieldworkWorld extends SeedPlace {
  users: Record<string, string>;
  findings: Record<string, string>;
  today: string;
}

export async function seedDemoFieldwork(tx: Tx, keyring: Keyring, world: FieldworkWorld): Promise<DemoFieldworkIds> {
  const { users, today } = world;
  const day = (n: number) => addDays(today, n);
  const rows = emptyRows();
  const record = (seq: number, r: Omit<Parameters<typeof addRecord>[3], 'seq' | 'createdBy'>, by = 'zuyuan') =>
    addRecord(rows, keyring, world, { ...r, seq, createdBy: users[by] as string });
  const interview = (seq: number, on: string, name: string, post: string, summary: string) =>
    record(seq, {
      kind: 'interview',
      title: `与${post}${name}个别谈话`,
      occurredOn: on,
      startTime: '09:30',
      place: '巡察组谈话室',
      sensitive: true,
      summary,
      details: { interviewee: name, intervieweePost: post, interviewers: '赵刚、钱进' },
    });
  const fieldwork = {
    interviewHead: interview(
      1,
      day(-146),
      '吴建国',
      '局党组书记、局长',
      '谈到局党组对下属单位监督不够，质量安全监督站的收费问题此前未掌握；承认近三年专题研究全面从严治党工作较少。',
    ),
    interviewMarket: interview(
      2,
      day(-143),
      '冯伟',
      '建筑市场管理科科长',
      '反映部分政府投资项目因工期紧先行进场施工、后补招标手续，涉及 4 个项目；称系按分管领导要求办理。',
    ),
    interviewStation: interview(
      3,
      day(-141),
      '陈晨',
      '区建设工程质量安全监督站站长',
      '承认站内以“技术咨询”名义向部分施工企业收取费用，称资金用于站内办公开支，未入账。',
    ),
    meeting: record(4, {
      kind: 'meeting',
      title: '局机关中层干部座谈会',
      occurredOn: day(-145),
      startTime: '14:30',
      place: '局三楼会议室',
      sensitive: false,
      summary: '与会人员普遍反映局党组抓基层党建力度不够，部分科室干部调整未充分酝酿，个别项目审批时限偏长。',
      details: { topic: '局党组落实全面从严治党主体责任情况', participantCount: 18 },
    }),
    documents: record(5, {
      kind: 'document_review',
      title: '调阅 2023—2025 年政府投资项目招投标资料',
      occurredOn: day(-140),
      place: '局档案室',
      sensitive: false,
      summary: '抽查 26 个项目的招标文件、中标通知书、施工许可和开工报告，比对进场施工时间与招标时间。',
      details: {
        documents: [
          { name: '2023—2025 年政府投资项目台账', category: 'archive' },
          { name: '局党组会议纪要（2023—2025 年）', category: 'minutes' },
          { name: '城南安置房二期施工合同', category: 'contract', note: '招标前已签订补充协议' },
          { name: '2024 年机关津补贴发放明细账', category: 'accounts' },
        ],
      },
    }),
    petition: record(6, {
      kind: 'petition',
      title: '来信反映质量安全监督站违规收费问题',
      occurredOn: day(-147),
      sensitive: true,
      summary: '来信反映区建设工程质量安全监督站副站长以“咨询费”名义向施工企业收取费用，并附收款收据复印件 3 张。',
      details: { channel: 'letter', anonymous: false, reflectedUnit: '区建设工程质量安全监督站' },
      petitioner: { name: '张建华', contact: '139****2817' },
    }),
  };

  const clues = {
    handedOver: addClue(rows, keyring, world, {
      seq: 1,
      category: 'integrity',
      source: 'petition',
      receivedOn: day(-147),
      sourceRecordId: fieldwork.petition,
      content: {
        subjectName: '周海峰',
        subjectPost: '区建设工程质量安全监督站副站长',
        allegation: '2023 年以来以“技术咨询费”名义向 5 家施工企业收取费用共计 8.6 万元，未入单位账户。',
        evidence: '来信所附收款收据复印件 3 张；监督站站长谈话记录。',
      },
      whistleblower: { name: '张建华', contact: '139****2817', note: '施工企业项目经理，要求保密' },
      registeredBy: users.zuzhang as string,
      steps: [{ event: 'verify', on: day(-139), by: users.zuzhang as string, note: '经调阅账目，情况基本属实' }],
    }),
    registered: addClue(rows, keyring, world, {
      seq: 2,
      category: 'work',
      source: 'interview',
      receivedOn: day(-143),
      sourceRecordId: fieldwork.interviewMarket,
      content: {
        subjectName: '孟凡军',
        subjectPost: '局党组成员、副局长',
        allegation: '要求建筑市场管理科为 4 个政府投资项目先行办理进场手续，后补招标程序。',
        evidence: '建筑市场管理科科长谈话记录；项目开工报告与中标通知书日期比对。',
      },
      registeredBy: users.zuzhang as string,
      steps: [],
    }),
  };

  const [approveReport, handoverDecision, feedbackDecision] = addMeeting(rows, {
    committeeId: world.committeeId,
    kind: 'leading_group',
    title: '区委巡察工作领导小组 2026 年第 3 次会议',
    heldOn: day(-105),
    place: '区委常委会议室',
    host: '李明',
    attendees: ['李明', '王芳', '孙立', '周敏'],
    recorder: '刘畅',
    summary: '听取区委第一巡察组关于巡察区住建局党组情况的汇报，研究巡察报告、问题移交和反馈意见。',
    createdBy: users.office as string,
    decisions: [
      {
        kind: 'approve_report',
        inspectionId: world.inspectionId,
        content: '原则同意巡察报告，按会议意见修改后报区委书记专题会。',
      },
      {
        kind: 'handover',
        inspectionId: world.inspectionId,
        content: '同意将问题线索 1 件移交区纪委监委，选人用人问题移交区委组织部。',
      },
      { kind: 'feedback', inspectionId: world.inspectionId, content: '同意向区住建局党组反馈巡察意见。' },
    ],
  }) as [string, string, string];

  const leader = users.leader as string;
  const zuzhang = users.zuzhang as string;
  const reports = {
    report: addReport(rows, world.inspectionId, {
      kind: 'report',
      versions: [
        { content: ZHUJIAN_REPORT_V1, note: '初稿', on: day(-112), by: zuzhang },
        { content: ZHUJIAN_REPORT_V2, note: '按领导小组意见补充意见建议和移交事项', on: day(-107), by: zuzhang },
      ],
      steps: [
        { event: 'submit', version: 1, on: day(-110), by: zuzhang },
        { event: 'return', version: 1, on: day(-108), by: leader, note: '请补充意见建议和问题移交情况。' },
        { event: 'submit', version: 2, on: day(-106), by: zuzhang },
        { event: 'approve', version: 2, on: day(-105), by: leader, decisionId: approveReport },
      ],
    }),
    feedback: addReport(rows, world.inspectionId, {
      kind: 'feedback',
      versions: [
        {
          content:
            '区委第一巡察组关于巡察区住房和城乡建设局党组的反馈意见\n\n一、巡察发现的主要问题（见问题清单）\n二、整改意见',
          note: '反馈意见稿',
          on: day(-103),
          by: zuzhang,
        },
      ],
      steps: [],
    }),
  };

  const office = users.office as string;
  const sentOn = day(-98);
  const handovers = {
    clue: addHandover(rows, keyring, world, {
      year: Number(sentOn.slice(0, 4)),
      seq: 1,
      kind: 'clue',
      clueId: clues.handedOver,
      recipient: 'discipline',
      recipientName: '区纪委监委',
      sentOn,
      dueDate: addTimeLimit(sentOn, DEFAULT_TIME_LIMITS.handover_clue),
      letterNo: '城巡移〔2026〕1号',
      decisionId: handoverDecision,
      sentBy: office,
      handlerName: '孙立',
      steps: [
        { event: 'accept', on: day(-96), by: users.jiwei as string },
        { event: 'progress', on: day(-80), by: users.jiwei as string, note: '已进行初步核实' },
        { event: 'conclude', on: day(-40), by: users.jiwei as string },
      ],
      result: {
        disposition: 'form2',
        summary: '经初步核实，反映问题基本属实，给予周海峰党内警告处分，违规收取的费用已全部退还企业。',
        persons: [
          {
            name: '周海峰',
            post: '区建设工程质量安全监督站副站长',
            form: '2',
            measure: '党内警告',
            decidedOn: day(-42),
          },
        ],
        concludedOn: day(-40),
      },
    }),
    cadre: addHandover(rows, keyring, world, {
      year: Number(sentOn.slice(0, 4)),
      seq: 2,
      kind: 'cadre',
      findingId: world.findings.f4 as string,
      recipient: 'organization',
      recipientName: '区委组织部',
      sentOn,
      dueDate: addTimeLimit(sentOn, DEFAULT_TIME_LIMITS.handover_other),
      letterNo: '城巡移〔2026〕2号',
      decisionId: handoverDecision,
      sentBy: office,
      handlerName: '周敏',
      steps: [{ event: 'accept', on: day(-95), by: users.zuzhibu as string }],
    }),
  };

  const goodPractices = [
    addGoodPractice(rows, world, {
      title: '建立建设工程“阳光审批”平台',
      content:
        '施工许可、竣工验收等 12 项审批事项全流程网上办理、进度实时公开，平均办理时限由 20 个工作日压缩至 8 个。',
      areas: ['bidding'],
      promote: true,
      createdBy: zuzhang,
      on: day(-125),
    }),
    addGoodPractice(rows, world, {
      title: '农民工工资专户“按月亮灯”督办',
      content: '在建项目农民工工资专户按月比对发放情况，未足额发放的项目亮红灯并约谈建设单位。',
      areas: ['welfare_funds'],
      promote: false,
      createdBy: users.zuyuan as string,
      on: day(-122),
    }),
  ];

  await flushRows(tx, rows);
  return {
    fieldwork,
    clues,
    handovers,
    reports,
    meetingId: rows.meeting[0]?.id as string,
    decisions: { approveReport, handover: handoverDecision, feedback: feedbackDecision },
    goodPractices,
  };
}
