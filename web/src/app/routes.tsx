// Pages load lazily so the first screen (login) does not pay for every feature.
import type { Permission } from '@xuncha/contracts';
import { Button, Result } from 'antd';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { Link, Route, Routes } from 'react-router';
import { AppLayout } from './AppLayout.tsx';
import { useCan } from './auth.ts';
import { HANDOVER_PERMISSIONS } from './menu.tsx';
import { FullPageSpin, RequireAuth } from './RequireAuth.tsx';

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const LoginPage = page(() => import('../features/auth/LoginPage.tsx'), 'LoginPage');
const DashboardPage = page(() => import('../features/dashboard/DashboardPage.tsx'), 'DashboardPage');
const UnitsPage = page(() => import('../features/org/UnitsPage.tsx'), 'UnitsPage');
const CommitteesPage = page(() => import('../features/org/CommitteesPage.tsx'), 'CommitteesPage');
const LeadingGroupPage = page(() => import('../features/org/LeadingGroupPage.tsx'), 'LeadingGroupPage');
const RoundsPage = page(() => import('../features/planning/RoundsPage.tsx'), 'RoundsPage');
const RoundDetailPage = page(() => import('../features/planning/RoundDetailPage.tsx'), 'RoundDetailPage');
const TeamDetailPage = page(() => import('../features/teams/TeamDetailPage.tsx'), 'TeamDetailPage');
const TeamsPage = page(() => import('../features/teams/TeamsPage.tsx'), 'TeamsPage');
const MyTeamsPage = page(() => import('../features/teams/MyTeamsPage.tsx'), 'MyTeamsPage');
const InspectionsPage = page(() => import('../features/planning/InspectionsPage.tsx'), 'InspectionsPage');
const InspectionDetailPage = page(
  () => import('../features/planning/InspectionDetailPage.tsx'),
  'InspectionDetailPage',
);
const FindingsPage = page(() => import('../features/findings/FindingsPage.tsx'), 'FindingsPage');
const FindingDetailPage = page(() => import('../features/findings/FindingDetailPage.tsx'), 'FindingDetailPage');
const GoodPracticesPage = page(() => import('../features/good-practice/GoodPracticesPage.tsx'), 'GoodPracticesPage');
const TaskLedgerPage = page(() => import('../features/rectification/TaskLedgerPage.tsx'), 'TaskLedgerPage');
const MyTasksPage = page(() => import('../features/rectification/TaskLedgerPage.tsx'), 'MyTasksPage');
const TaskDetailPage = page(() => import('../features/rectification/TaskDetailPage.tsx'), 'TaskDetailPage');
const TalentPoolPage = page(() => import('../features/talent/TalentPoolPage.tsx'), 'TalentPoolPage');
const CadreDetailPage = page(() => import('../features/talent/CadreDetailPage.tsx'), 'CadreDetailPage');
const AppraisalsPage = page(() => import('../features/talent/AppraisalsPage.tsx'), 'AppraisalsPage');
const TermPlanPage = page(() => import('../features/coverage/TermPlanPage.tsx'), 'TermPlanPage');
const MeetingsPage = page(() => import('../features/meetings/MeetingsPage.tsx'), 'MeetingsPage');
const EnquiryInboxPage = page(() => import('../features/enquiry/EnquiryInboxPage.tsx'), 'EnquiryInboxPage');
const HandoversPage = page(() => import('../features/handover/HandoversPage.tsx'), 'HandoversPage');
const TimeLimitPage = page(() => import('../features/time-limit/TimeLimitPage.tsx'), 'TimeLimitPage');
const CalendarPage = page(() => import('../features/calendar/CalendarPage.tsx'), 'CalendarPage');
const UsersPage = page(() => import('../features/user-admin/UsersPage.tsx'), 'UsersPage');
const RoleAssignPage = page(() => import('../features/user-admin/RoleAssignPage.tsx'), 'RoleAssignPage');
const AuditLogPage = page(() => import('../features/audit-log/AuditLogPage.tsx'), 'AuditLogPage');
const AccountSecurityPage = page(() => import('../features/account/AccountSecurityPage.tsx'), 'AccountSecurityPage');
const ForcedPasswordChangePage = page(
  () => import('../features/account/ForcedPasswordChangePage.tsx'),
  'ForcedPasswordChangePage',
);
const SecurityPolicyPage = page(
  () => import('../features/security-policy/SecurityPolicyPage.tsx'),
  'SecurityPolicyPage',
);
const NotificationsPage = page(() => import('../features/notification/NotificationsPage.tsx'), 'NotificationsPage');
const ClueLedgerPage = page(() => import('../features/clues/ClueLedgerPage.tsx'), 'ClueLedgerPage');
const ResultsLedgerPage = page(() => import('../features/results/ResultsLedgerPage.tsx'), 'ResultsLedgerPage');
const AnalyticsPage = page(() => import('../features/analytics/AnalyticsPage.tsx'), 'AnalyticsPage');
const OverviewPage = page(() => import('../features/overview/OverviewPage.tsx'), 'OverviewPage');
const CommonProblemsPage = page(
  () => import('../features/common-problems/CommonProblemsPage.tsx'),
  'CommonProblemsPage',
);
const RiskRankingPage = page(() => import('../features/risk/RiskRankingPage.tsx'), 'RiskRankingPage');
const SignalsPage = page(() => import('../features/signals/SignalsPage.tsx'), 'SignalsPage');
const LinkagePage = page(() => import('../features/linkage/LinkagePage.tsx'), 'LinkagePage');
const ExchangePage = page(() => import('../features/exchange/ExchangePage.tsx'), 'ExchangePage');
const ProgressPage = page(() => import('../features/rectification-dashboard/ProgressPage.tsx'), 'ProgressPage');
const MyUnitPage = page(() => import('../features/my-unit/MyUnitPage.tsx'), 'MyUnitPage');
const PlansPage = page(() => import('../features/rectification-plan/PlansPage.tsx'), 'PlansPage');
const RectificationsPage = page(
  () => import('../features/rectification-case/RectificationsPage.tsx'),
  'RectificationsPage',
);
const RectificationDetailPage = page(
  () => import('../features/rectification-case/RectificationDetailPage.tsx'),
  'RectificationDetailPage',
);
const SupervisionPage = page(() => import('../features/supervision/SupervisionPage.tsx'), 'SupervisionPage');
const RevisitsPage = page(() => import('../features/revisit/RevisitsPage.tsx'), 'RevisitsPage');
const AccountabilityPage = page(
  () => import('../features/accountability/AccountabilityPage.tsx'),
  'AccountabilityPage',
);
const PublicRoundPage = page(() => import('../features/public/PublicRoundPage.tsx'), 'PublicRoundPage');
const PublicReportPage = page(() => import('../features/public-report/PublicReportPage.tsx'), 'PublicReportPage');
const PublicReportStatusPage = page(
  () => import('../features/public-report/PublicReportStatusPage.tsx'),
  'PublicReportStatusPage',
);
const PublicReportInboxPage = page(
  () => import('../features/public-report/PublicReportInboxPage.tsx'),
  'PublicReportInboxPage',
);
const AnnouncementPrintPage = page(
  () => import('../features/announcement/AnnouncementPrintPage.tsx'),
  'AnnouncementPrintPage',
);

/** Typing a URL the menu does not offer gets a plain "no access" page rather than a failing list. */
function RequirePermission({ anyOf, children }: { anyOf: Permission[]; children: ReactNode }) {
  const can = useCan();
  if (!anyOf.some(can)) return <Result status="403" title="无权访问" subTitle="您没有访问此页面的权限。" />;
  return children;
}

function guarded(anyOf: Permission[], element: ReactNode) {
  return <RequirePermission anyOf={anyOf}>{element}</RequirePermission>;
}

function NotFound() {
  return (
    <Result
      status="404"
      title="页面不存在"
      extra={
        <Link to="/">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        {/* 开门整改: readable by anyone, outside RequireAuth */}
        <Route path="/public/rounds/:roundId" element={<PublicRoundPage />} />
        {/* 群众举报/意见: anyone, no account (issue 8 §6) */}
        <Route path="/public/report" element={<PublicReportPage />} />
        <Route path="/public/report/status" element={<PublicReportStatusPage />} />
        {/* outside the layout: until the password is changed every other API answers 403 */}
        <Route
          path="/account/password"
          element={
            <RequireAuth>
              <ForcedPasswordChangePage />
            </RequireAuth>
          }
        />
        <Route
          path="/print/inspections/:id/announcement"
          element={<RequireAuth>{guarded(['inspection.read'], <AnnouncementPrintPage />)}</RequireAuth>}
        />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<DashboardPage />} />
          <Route path="units" element={guarded(['unit.read'], <UnitsPage />)} />
          <Route path="committees" element={guarded(['committee.read'], <CommitteesPage />)} />
          <Route path="leading-group" element={guarded(['leading_group.read'], <LeadingGroupPage />)} />
          <Route path="rounds" element={guarded(['round.read'], <RoundsPage />)} />
          <Route path="rounds/:id" element={guarded(['round.read'], <RoundDetailPage />)} />
          <Route path="teams" element={guarded(['team.read'], <TeamsPage />)} />
          <Route path="teams/:id" element={guarded(['team.read'], <TeamDetailPage />)} />
          <Route path="my-teams" element={<MyTeamsPage />} />
          <Route path="inspections" element={guarded(['inspection.read'], <InspectionsPage />)} />
          <Route path="inspections/:id" element={guarded(['inspection.read'], <InspectionDetailPage />)} />
          <Route path="findings" element={guarded(['finding.read'], <FindingsPage />)} />
          <Route path="findings/:id" element={guarded(['finding.read'], <FindingDetailPage />)} />
          <Route path="results" element={guarded(['results.read'], <ResultsLedgerPage />)} />
          <Route path="good-practices" element={guarded(['finding.read'], <GoodPracticesPage />)} />
          <Route path="tasks" element={guarded(['task.read'], <TaskLedgerPage />)} />
          <Route path="tasks/:id" element={guarded(['task.read'], <TaskDetailPage />)} />
          <Route path="my-tasks" element={guarded(['task.submit', 'task.start'], <MyTasksPage />)} />
          <Route path="talent" element={guarded(['cadre.read'], <TalentPoolPage />)} />
          <Route path="talent/:id" element={guarded(['cadre.read'], <CadreDetailPage />)} />
          <Route path="appraisals" element={guarded(['cadre.read'], <AppraisalsPage />)} />
          <Route path="term-plans" element={guarded(['term_plan.read'], <TermPlanPage />)} />
          <Route path="enquiries" element={guarded(['enquiry.answer'], <EnquiryInboxPage />)} />
          <Route path="handovers" element={guarded(HANDOVER_PERMISSIONS, <HandoversPage />)} />
          <Route path="settings/time-limits" element={guarded(['time_limit.manage'], <TimeLimitPage />)} />
          <Route path="settings/calendar" element={guarded(['calendar.manage'], <CalendarPage />)} />
          <Route path="settings/users" element={guarded(['user.manage'], <UsersPage />)} />
          <Route path="settings/roles" element={guarded(['role.assign'], <RoleAssignPage />)} />
          <Route path="settings/audit-log" element={guarded(['audit.read'], <AuditLogPage />)} />
          <Route path="settings/security-policy" element={guarded(['security.manage'], <SecurityPolicyPage />)} />
          <Route path="account/security" element={<AccountSecurityPage />} />
          <Route path="notifications" element={<NotificationsPage />} />
          {/* designated readers hold no permission by role: the server lists what each user may open */}
          <Route path="public-reports" element={<PublicReportInboxPage />} />
          <Route path="meetings" element={guarded(['meeting.read'], <MeetingsPage />)} />
          <Route path="clues" element={guarded(['clue.read', 'handover.receive_clue'], <ClueLedgerPage />)} />
          <Route path="rectification-plans" element={guarded(['plan.review'], <PlansPage />)} />
          <Route path="rectifications" element={guarded(['rectification.read'], <RectificationsPage />)} />
          <Route path="rectifications/:id" element={guarded(['rectification.read'], <RectificationDetailPage />)} />
          <Route path="supervision" element={guarded(['supervision.read'], <SupervisionPage />)} />
          <Route path="revisits" element={guarded(['revisit.read'], <RevisitsPage />)} />
          <Route path="accountability" element={guarded(['accountability.read'], <AccountabilityPage />)} />
          <Route path="rectification-progress" element={guarded(['rectification.read'], <ProgressPage />)} />
          <Route path="my-unit" element={guarded(['plan.write'], <MyUnitPage />)} />
          <Route path="overview" element={guarded(['analytics.read'], <OverviewPage />)} />
          <Route path="analytics" element={guarded(['analytics.read'], <AnalyticsPage />)} />
          <Route path="common-problems" element={guarded(['analytics.read'], <CommonProblemsPage />)} />
          <Route path="risk-ranking" element={guarded(['risk.read'], <RiskRankingPage />)} />
          <Route path="rectification-signals" element={guarded(['rectification_signal.read'], <SignalsPage />)} />
          <Route path="linkage" element={guarded(['linkage.read', 'guidance.read'], <LinkagePage />)} />
          <Route path="exchange" element={guarded(['exchange.export', 'exchange.import'], <ExchangePage />)} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
