import {
  IdParams,
  InspectionDecisionList,
  MeetingCreate,
  MeetingDetail,
  MeetingListQuery,
  MeetingPage,
  meetingKind,
} from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './meeting.service.ts';

export function meetingRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/meetings',
    {
      config: { permission: 'meeting.read' },
      schema: { querystring: MeetingListQuery, response: { 200: MeetingPage } },
    },
    (req) => service.listMeetings(contextOf(deps, req), req.query),
  );
  app.post(
    '/api/meetings',
    { config: { permission: 'meeting.manage' }, schema: { body: MeetingCreate, response: { 200: MeetingDetail } } },
    (req) => service.createMeeting(contextOf(deps, req), req.body),
  );
  app.get(
    '/api/meetings/:id',
    { config: { permission: 'meeting.read' }, schema: { params: IdParams, response: { 200: MeetingDetail } } },
    (req) => service.getMeeting(contextOf(deps, req), req.params.id),
  );
  // who may see an inspection's decisions depends on the role in that inspection: the service checks
  app.get(
    '/api/inspections/:id/decisions',
    {
      config: { permission: 'inspection.read' },
      schema: { params: IdParams, response: { 200: InspectionDecisionList } },
    },
    (req) => service.listInspectionDecisions(contextOf(deps, req), req.params.id),
  );
  registerExport(app, deps, {
    path: '/api/meetings/export',
    permission: 'meeting.read',
    querystring: MeetingListQuery,
    sheetName: '会议记录',
    fileName: '会议记录',
    columns: [
      { header: '会议日期', key: 'heldOn', type: 'date' },
      { header: '会议类型', key: 'kind', labels: meetingKind.labels },
      { header: '会议名称', key: 'title', width: 36 },
      { header: '主持人', key: 'host' },
      { header: '地点', key: 'place', width: 20 },
      { header: '出席人员', key: 'attendees', width: 40 },
      { header: '决定事项数', key: 'decisionCount', type: 'number' },
      { header: '记录人', key: 'recorder' },
      { header: '登记人', key: 'createdByName' },
    ],
    rows: (ctx, filter) =>
      exportBatches(async ({ offset, limit }) => {
        const page = Math.floor(offset / limit) + 1;
        return (await service.meetingRows(ctx, { ...filter, page, pageSize: limit })).items;
      }),
  });
}
