// The 巡察工作方案 template on its own: the cases the demo round does not show (no teams yet, a team
// without members, 一托N villages, a 县委), as the blocks the layout will print.
import { describe, expect, it } from 'vitest';
import type { Block } from '../docx/layout.ts';
import { type WorkPlanInput, type WorkPlanTarget, workPlanDocument } from './work-plan.ts';

const base: WorkPlanInput = {
  committeeName: '中共示例县委',
  roundName: '十届县委第二轮巡察',
  startDate: '2026-09-01',
  endDate: '2026-11-30',
  mobilisedOn: null,
  teams: [],
  date: '2026-08-20',
};

const village = (name: string): WorkPlanTarget => ({
  unitName: name,
  typeLabel: '村(居)巡察',
  startDate: '2026-09-01',
  endDate: '2026-10-15',
  phone: null,
  mailbox: null,
});

const texts = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'list' ? b.items : [b.text]));

describe('workPlanDocument', () => {
  it('says what is not decided yet when the round has no teams', () => {
    const spec = workPlanDocument(base);
    const text = texts(spec.body);
    expect(text).toContain('巡察组组成和分工另行确定。');
    expect(text).toContain('各巡察组进驻时间另行通知。');
    expect(text).toContain('各巡察组值班电话、邮政信箱等联系方式以巡察公告为准。');
    expect(text.some((t) => t.includes('召开动员部署会'))).toBe(false);
  });

  it('is issued by the 县委 leading group and copied to the 县 bodies', () => {
    const spec = workPlanDocument(base);
    expect(spec.issuer).toBe('中共示例县委巡察工作领导小组');
    expect(spec.title).toBe('十届县委第二轮巡察工作方案');
    expect(spec.recipients).toEqual(['县委各巡察组', '各被巡察党组织']);
    expect(spec.copyTo).toEqual(['县纪委监委', '县委组织部']);
    expect(spec.printedBy).toBe('县委巡察工作领导小组办公室');
  });

  it('names 一托N villages once per type and summarises them in the schedule', () => {
    const villages = ['甲村', '乙村', '丙村', '丁村', '戊村'].map(village);
    const spec = workPlanDocument({
      ...base,
      mobilisedOn: '2026-08-28',
      teams: [{ name: '县委第三巡察组', members: [], targets: villages }],
    });
    const text = texts(spec.body);
    expect(text).toContain('（一）中共示例县委第三巡察组');
    expect(text).toContain('组成人员：另行确定');
    expect(text).toContain('巡察对象：甲村、乙村、丙村、丁村、戊村（村（居）巡察）。');
    expect(text).toContain('县委第三巡察组：2026年9月1日至2026年10月15日，进驻甲村、乙村、丙村等5个单位');
    expect(text.some((t) => t.includes('2026年8月28日召开动员部署会'))).toBe(true);
  });
});
