// Pages load lazily so the first screen (login) does not pay for every feature.
import type { Permission } from '@xuncha/contracts';
import { Button, Result } from 'antd';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { Link, Route, Routes } from 'react-router';
import { AppLayout } from './AppLayout.tsx';
import { useCan } from './auth.ts';
import { FullPageSpin, RequireAuth } from './RequireAuth.tsx';

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const LoginPage = page(() => import('../features/auth/LoginPage.tsx'), 'LoginPage');
const DashboardPage = page(() => import('../features/dashboard/DashboardPage.tsx'), 'DashboardPage');
const UnitsPage = page(() => import('../features/org/UnitsPage.tsx'), 'UnitsPage');
const RoundsPage = page(() => import('../features/planning/RoundsPage.tsx'), 'RoundsPage');
const InspectionsPage = page(() => import('../features/planning/InspectionsPage.tsx'), 'InspectionsPage');
const InspectionDetailPage = page(
  () => import('../features/planning/InspectionDetailPage.tsx'),
  'InspectionDetailPage',
);
const FindingsPage = page(() => import('../features/findings/FindingsPage.tsx'), 'FindingsPage');
const FindingDetailPage = page(() => import('../features/findings/FindingDetailPage.tsx'), 'FindingDetailPage');
const TaskLedgerPage = page(() => import('../features/rectification/TaskLedgerPage.tsx'), 'TaskLedgerPage');
const MyTasksPage = page(() => import('../features/rectification/TaskLedgerPage.tsx'), 'MyTasksPage');
const TaskDetailPage = page(() => import('../features/rectification/TaskDetailPage.tsx'), 'TaskDetailPage');

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
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<DashboardPage />} />
          <Route path="units" element={guarded(['unit.read'], <UnitsPage />)} />
          <Route path="rounds" element={guarded(['round.read'], <RoundsPage />)} />
          <Route path="inspections" element={guarded(['inspection.read'], <InspectionsPage />)} />
          <Route path="inspections/:id" element={guarded(['inspection.read'], <InspectionDetailPage />)} />
          <Route path="findings" element={guarded(['finding.read'], <FindingsPage />)} />
          <Route path="findings/:id" element={guarded(['finding.read'], <FindingDetailPage />)} />
          <Route path="tasks" element={guarded(['task.read'], <TaskLedgerPage />)} />
          <Route path="tasks/:id" element={guarded(['task.read'], <TaskDetailPage />)} />
          <Route path="my-tasks" element={guarded(['task.submit', 'task.start'], <MyTasksPage />)} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
