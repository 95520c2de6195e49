// Test fixtures: a 巡察报告 written by the team leader, submitted and approved by the 领导小组, so tests of
// later steps (feedback, handovers) can start from an approved report. Uses the real API.
import type { LightMyRequestResponse } from 'fastify';
import type { Client, Harness } from '../../test/harness.ts';

export const REPORT_TEXT =
  '一、基本情况\n巡察组开展个别谈话 20 人次。\n二、发现的主要问题\n（一）党的建设方面\n1. 教育装备采购先采购后立项';

export const put = (client: Client, url: string, body: unknown) =>
  client.request({ method: 'PUT', url, payload: body as object });

function ok(res: LightMyRequestResponse, step: string) {
  if (res.statusCode !== 200) throw new Error(`${step}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Writes, submits and approves the report (the inspection must be in 了解情况 or 报告). */
export async function approveReport(h: Harness, inspectionId: string, writer = 'zuzhang') {
  const base = `/api/inspections/${inspectionId}/report`;
  const team = await h.as(writer);
  ok(await put(team, base, { content: REPORT_TEXT, note: '初稿' }), 'write report');
  ok(await team.post(`${base}/submit`), 'submit report');
  return ok(await (await h.as('leader')).post(`${base}/approve`, { comment: '同意' }), 'approve report');
}
