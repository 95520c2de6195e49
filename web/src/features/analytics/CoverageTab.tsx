// 覆盖进度 tab of 统计分析: 届内全覆盖 of the filter's term plan (or the committee's current one) — totals, by
// unit kind, per year, the forecast and the plan's units — shown with the 届内规划 page's own components, so
// the two pages cannot disagree. Read-only here: the plan is maintained on /term-plans.
import type { AnalyticsFilter } from '@xuncha/contracts';
import { Card, Empty, Flex, Typography } from 'antd';
import { useRef } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/auth.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { todayInShanghai } from '../../shared/today.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { type TermPlan, useTermPlans } from '../coverage/api.ts';
import { CoverageView } from '../coverage/CoverageView.tsx';
import { PlanUnitsTable } from '../coverage/PlanUnitsTable.tsx';

/** The filter's plan, else the committee's plan running today, else its latest (the list is newest first). */
export function pickPlan(plans: TermPlan[], filter: AnalyticsFilter, committeeId: string | null, today: string) {
  if (filter.termPlanId) return plans.find((p) => p.id === filter.termPlanId);
  const own = plans.filter((p) => p.committeeId === committeeId);
  return own.find((p) => p.startDate <= today && p.endDate >= today) ?? own[0];
}

export function CoverageTab({ filter }: { filter: AnalyticsFilter }) {
  const me = useCurrentUser();
  const search = useSearchState();
  const plans = useTermPlans();
  const unitsRef = useRef<HTMLDivElement>(null);
  const today = todayInShanghai().format('YYYY-MM-DD');
  // the page's 单位类别 narrows the unit list unless the list's own filter chooses another kind
  const tableSearch = {
    ...search,
    get: (key: string) => search.get(key) ?? (key === 'kind' ? filter.unitKind : undefined),
  };
  return (
    <QueryBoundary query={plans}>
      {({ items }) => {
        const plan = pickPlan(items, filter, filter.committeeId ?? me.committeeId, today);
        if (!plan) return <Empty description="该党委尚未制定届内规划" data-testid="analytics-coverage-empty" />;
        const showAtRisk = (villages: boolean) => {
          search.setFilters({
            atRisk: 'true',
            kind: villages ? 'village' : undefined,
            status: undefined,
            q: undefined,
          });
          unitsRef.current?.scrollIntoView({ behavior: 'smooth' });
        };
        return (
          <Flex vertical gap={16} data-testid="analytics-coverage">
            <Flex justify="space-between" wrap gap={8}>
              <Typography.Text data-testid="analytics-coverage-plan">
                {plan.name}（{plan.startDate} 至 {plan.endDate}，每年 {plan.roundsPerYear} 轮）
              </Typography.Text>
              <Link to={`/term-plans?plan=${plan.id}`}>到届内规划页维护规划单位</Link>
            </Flex>
            <CoverageView planId={plan.id} onShowAtRisk={showAtRisk} />
            <div ref={unitsRef}>
              <Card size="small" title="规划单位覆盖明细">
                <PlanUnitsTable planId={plan.id} canManage={false} search={tableSearch} />
              </Card>
            </div>
          </Flex>
        );
      }}
    </QueryBoundary>
  );
}
