// Every module's routes, registered in one place so the route table is easy to read.

import { auditChainRoutes } from '../platform/audit-chain.routes.ts';
import { authRoutes } from '../platform/auth/auth.routes.ts';
import type { App } from '../platform/http/app.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { accountabilityRoutes } from './accountability/accountability.routes.ts';
import { analyticsRoutes } from './analytics/analytics.routes.ts';
import { analyticsWorkRoutes } from './analytics/analytics-work.routes.ts';
import { announcementDocumentRoutes } from './announcement/announcement.document.ts';
import { announcementRoutes } from './announcement/announcement.routes.ts';
import { auditLogRoutes } from './audit-log/audit-log.routes.ts';
import { appraisalRoutes } from './cadre/appraisal.routes.ts';
import { cadreRoutes } from './cadre/cadre.routes.ts';
import { calendarRoutes } from './calendar/calendar.routes.ts';
import { clueRoutes } from './clue/clue.routes.ts';
import { commonProblemRoutes } from './common-problem/common-problem.routes.ts';
import { enquiryRoutes } from './enquiry/enquiry.routes.ts';
import { exchangeRoutes } from './exchange/exchange.routes.ts';
import { fieldworkRoutes } from './fieldwork/fieldwork.routes.ts';
import { findingRoutes } from './finding/finding.routes.ts';
import { goodPracticeRoutes } from './good-practice/good-practice.routes.ts';
import { handoverDocumentRoutes } from './handover/handover.document.ts';
import { handoverRoutes } from './handover/handover.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { inspectionRoutes } from './inspection/inspection.routes.ts';
import { linkageRoutes } from './linkage/linkage.routes.ts';
import { meetingRoutes } from './meeting/meeting.routes.ts';
import { notificationRoutes } from './notification/notification.routes.ts';
import { orgRoutes } from './org/org.routes.ts';
import { overviewRoutes } from './overview/overview.routes.ts';
import { publicChannelRoutes } from './public-report/public-channel.routes.ts';
import { publicReportRoutes } from './public-report/public-report.routes.ts';
import { rectificationDocumentRoutes } from './rectification/rectification.document.ts';
import { rectificationRoutes } from './rectification/rectification.routes.ts';
import { rectificationReportRoutes } from './rectification/rectification-report.routes.ts';
import { progressRoutes } from './rectification-dashboard/progress.routes.ts';
import { planRoutes } from './rectification-plan/plan.routes.ts';
import { signalRoutes } from './rectification-signal/signal.routes.ts';
import { reminderRoutes } from './reminder/reminder.routes.ts';
import { reportRoutes } from './report/report.routes.ts';
import { resultsRoutes } from './results/results.routes.ts';
import { revisitRoutes } from './revisit/revisit.routes.ts';
import { riskRoutes } from './risk/risk.routes.ts';
import { roundRoutes } from './round/round.routes.ts';
import { securityPolicyRoutes } from './security-policy/security-policy.routes.ts';
import { supervisionRoutes } from './supervision/supervision.routes.ts';
import { evidenceRoutes } from './task/evidence.routes.ts';
import { taskRoutes } from './task/task.routes.ts';
import { teamRoutes } from './team/team.routes.ts';
import { termPlanRoutes } from './term-plan/term-plan.routes.ts';
import { timeLimitRoutes } from './time-limit/time-limit.routes.ts';
import { confineThreeAdmins } from './user-admin/separation.ts';
import { userAdminRoutes } from './user-admin/user-admin.routes.ts';

export async function registerModuleRoutes(app: App, deps: AppDeps): Promise<void> {
  confineThreeAdmins(app);
  for (const register of [
    healthRoutes,
    authRoutes,
    securityPolicyRoutes,
    auditChainRoutes,
    orgRoutes,
    roundRoutes,
    cadreRoutes,
    appraisalRoutes,
    teamRoutes,
    inspectionRoutes,
    findingRoutes,
    goodPracticeRoutes,
    reportRoutes,
    resultsRoutes,
    meetingRoutes,
    taskRoutes,
    evidenceRoutes,
    termPlanRoutes,
    enquiryRoutes,
    fieldworkRoutes,
    clueRoutes,
    announcementRoutes,
    announcementDocumentRoutes,
    handoverRoutes,
    handoverDocumentRoutes,
    timeLimitRoutes,
    supervisionRoutes,
    revisitRoutes,
    accountabilityRoutes,
    calendarRoutes,
    notificationRoutes,
    reminderRoutes,
    rectificationRoutes,
    rectificationReportRoutes,
    rectificationDocumentRoutes,
    progressRoutes,
    planRoutes,
    userAdminRoutes,
    auditLogRoutes,
    publicChannelRoutes,
    publicReportRoutes,
    // issue 9: analytics for decisions and 上下联动
    analyticsRoutes,
    analyticsWorkRoutes,
    overviewRoutes,
    commonProblemRoutes,
    riskRoutes,
    signalRoutes,
    linkageRoutes,
    exchangeRoutes,
  ]) {
    register(app, deps);
  }
}
