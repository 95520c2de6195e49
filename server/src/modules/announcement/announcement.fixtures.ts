// What both announcement test files work on: the demo 区教育局 inspection's 公告 and a draft with every
// required field filled in.
import type { Harness } from '../../test/harness.ts';

export const announcementUrl = (h: Harness) => `/api/inspections/${h.demo.jiaoyuInspectionId}/announcement`;

export const completeDraft = {
  periodStart: '2026-06-01',
  periodEnd: '2026-07-31',
  phone: '0571-86001234',
  mailbox: '城关区邮政 A018 号信箱',
  address: '区委党校二楼 203 室',
  receptionHours: '工作日 8:30—17:30',
};
