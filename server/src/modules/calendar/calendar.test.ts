// 工作日历 through the HTTP API, and working-day deadlines across 国庆 and 春节 with their 调休 weekends
// (the holiday data of migration 0012).
import { addTimeLimit, weekdaysOnly } from '@xuncha/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { deadlineFor } from '../time-limit/deadline.ts';
import { loadWorkCalendar } from './work-calendar.ts';

let h: Harness;
const put = async (user: string, day: string, payload: unknown) =>
  (await h.as(user)).request({ method: 'PUT', url: `/api/calendar/${day}`, payload: payload as object });
const del = async (user: string, day: string) =>
  (await h.as(user)).request({ method: 'DELETE', url: `/api/calendar/${day}` });

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const calendarRows = () => h.database.db.selectFrom('work_calendar_day').selectAll().orderBy('day').execute();
const calendarAudits = () =>
  h.database.db
    .selectFrom('audit_entry')
    .select(['action', 'entity_id', 'before', 'after'])
    .where('entity', '=', 'work_calendar_day')
    .orderBy('id')
    .execute();

describe('GET /api/calendar', () => {
  it('lists the year’s holidays and 调休 days with working days per month', async () => {
    const res = await (await h.as('office')).get('/api/calendar?year=2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.canManage).toBe(true);
    expect(body.days.filter((d: { kind: string }) => d.kind === 'holiday')).toHaveLength(33);
    expect(body.days.filter((d: { kind: string }) => d.kind === 'workday').map((d: { day: string }) => d.day)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(body.days.find((d: { day: string }) => d.day === '2026-10-01')).toMatchObject({
      kind: 'holiday',
      name: '国庆节',
    });
    // 13 statutory days off in 2026: 261 weekdays − 13 = 248
    expect(body.workingDays).toEqual([21, 16, 22, 21, 19, 21, 23, 21, 22, 18, 21, 23]);
    expect((await (await h.as('zerenren')).get('/api/calendar?year=2026')).json().canManage).toBe(false);
    const y2025 = (await (await h.as('zerenren')).get('/api/calendar?year=2025')).json();
    // 2025 too: 261 weekdays − 13 statutory days
    expect(y2025.workingDays.reduce((a: number, b: number) => a + b, 0)).toBe(248);
    expect((await (await h.as('office')).get('/api/calendar?year=2030')).json()).toMatchObject({ days: [] });
  });

  it('rejects a bad year and anonymous callers', async () => {
    for (const year of ['abc', '1999', '2026.5', '']) {
      const res = await (await h.as('office')).get(`/api/calendar?year=${year}`);
      expect(res.statusCode, year).toBe(400);
    }
    expect((await h.anonymous.get('/api/calendar?year=2026')).statusCode).toBe(401);
  });
});

describe('PUT and DELETE /api/calendar/:day', () => {
  it('marks a day, changes it, returns it to normal — each step audited', async () => {
    const created = await put('office', '2027-10-01', { kind: 'holiday', name: ' 国庆节 ' });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ day: '2027-10-01', kind: 'holiday', name: '国庆节' });
    expect((await put('office', '2027-10-09', { kind: 'workday', name: '国庆节调休上班' })).statusCode).toBe(200);
    expect((await put('banshi', '2027-10-01', { kind: 'holiday', name: '国庆节、中秋节' })).json().name).toBe(
      '国庆节、中秋节',
    );
    expect((await del('office', '2027-10-09')).statusCode).toBe(200);
    expect((await calendarRows()).filter((r) => r.day.startsWith('2027'))).toMatchObject([
      { day: '2027-10-01', kind: 'holiday', name: '国庆节、中秋节' },
    ]);
    expect((await calendarAudits()).map((a) => [a.action, a.entity_id, a.before])).toEqual([
      ['calendar.update', '2027-10-01', null],
      ['calendar.update', '2027-10-09', null],
      ['calendar.update', '2027-10-01', { kind: 'holiday', name: '国庆节' }],
      ['calendar.reset', '2027-10-09', { kind: 'workday', name: '国庆节调休上班' }],
    ]);
  });

  it('rejects bad input with Chinese messages and writes nothing', async () => {
    const [rows, audits] = [(await calendarRows()).length, (await calendarAudits()).length];
    for (const [day, body, message] of [
      ['2027-02-30', { kind: 'holiday', name: '春节' }, '日期不存在'],
      ['2027-1-5', { kind: 'holiday', name: '春节' }, '日期格式应为 YYYY-MM-DD'],
      ['2027-02-08', { kind: 'holiday', name: '  ' }, '请填写名称'],
      ['2027-02-08', { kind: 'holiday', name: '节'.repeat(41) }, '名称不能超过 40 个字'],
      ['2027-02-08', { kind: 'workday', name: '调休' }, '只有周六、周日可以设为调休上班'],
    ] as const) {
      const res = await put('office', day, body);
      expect(res.statusCode, day).toBe(400);
      const messages = [res.json().message, ...(res.json().details ?? []).map((d: { message: string }) => d.message)];
      expect(messages).toContain(message);
    }
    expect((await put('office', '2027-02-08', { kind: 'rest', name: '春节' })).statusCode).toBe(400);
    expect((await del('office', 'tomorrow')).statusCode).toBe(400);
    expect((await calendarRows()).length).toBe(rows);
    expect((await calendarAudits()).length).toBe(audits);
  });

  it('is 401 anonymous, 403 without calendar.manage, 404 when a day has nothing to reset', async () => {
    const anonymous = await h.anonymous.request({
      method: 'PUT',
      url: '/api/calendar/2027-05-03',
      payload: { kind: 'holiday', name: '劳动节' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await h.anonymous.request({ method: 'DELETE', url: '/api/calendar/2026-10-01' })).statusCode).toBe(401);
    expect((await put('leader', '2027-05-03', { kind: 'holiday', name: '劳动节' })).statusCode).toBe(403);
    expect((await del('zerenren', '2026-10-01')).statusCode).toBe(403);
    const missing = await del('office', '2027-05-04');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('该日期没有设置节假日或调休');
    expect((await calendarRows()).some((r) => r.day === '2027-05-03')).toBe(false);
  });
});

describe('working-day deadlines on the holiday calendar', () => {
  const wd = (amount: number) => ({ amount, unit: 'working_day' as const });

  it('skips 国庆 and counts its 调休 weekends (2025 and 2026)', async () => {
    const isWorkday = await loadWorkCalendar(h.database.db);
    expect(addTimeLimit('2026-09-30', wd(1), isWorkday)).toBe('2026-10-08');
    expect(addTimeLimit('2026-09-30', wd(3), isWorkday)).toBe('2026-10-10');
    expect(addTimeLimit('2026-09-18', wd(1), isWorkday)).toBe('2026-09-20');
    expect(addTimeLimit('2025-09-26', wd(1), isWorkday)).toBe('2025-09-28');
    expect(addTimeLimit('2025-09-30', wd(1), isWorkday)).toBe('2025-10-09');
    // Monday–Friday alone would count straight through the holiday
    expect(addTimeLimit('2026-09-30', wd(1), weekdaysOnly)).toBe('2026-10-01');
  });

  it('skips 春节 and counts its 调休 Saturdays: 整改方案 15 个工作日 from 2026-02-10', async () => {
    const isWorkday = await loadWorkCalendar(h.database.db);
    expect(addTimeLimit('2026-02-13', wd(1), isWorkday)).toBe('2026-02-14');
    expect(addTimeLimit('2026-02-13', wd(2), isWorkday)).toBe('2026-02-24');
    expect(await deadlineFor(h.database.db, h.demo.committeeId, 'plan_submit', '2026-02-10')).toBe('2026-03-09');
    expect(addTimeLimit('2026-02-10', wd(15), weekdaysOnly)).toBe('2026-03-03');
  });

  it('follows the office’s edits: a day marked as a holiday is no longer counted', async () => {
    expect((await put('office', '2026-10-08', { kind: 'holiday', name: '临时调整' })).statusCode).toBe(200);
    expect(await deadlineFor(h.database.db, h.demo.committeeId, 'supervision_response', '2026-09-30')).toBe(
      '2026-10-21',
    );
    expect((await del('office', '2026-10-08')).statusCode).toBe(200);
    expect(await deadlineFor(h.database.db, h.demo.committeeId, 'supervision_response', '2026-09-30')).toBe(
      '2026-10-20',
    );
  });
});
