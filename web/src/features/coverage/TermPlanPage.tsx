import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Empty, Flex, Select, Tabs } from 'antd';
import { useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useSearchState } from '../../shared/useSearchState.ts';
import { type TermPlan, useTermPlans } from './api.ts';
import { CoverageView } from './CoverageView.tsx';
import { PlanUnitsTable } from './PlanUnitsTable.tsx';
import { TermPlanFormModal } from './TermPlanFormModal.tsx';

type Search = ReturnType<typeof useSearchState>;

function PlanHeader({ plan, onEdit }: { plan: TermPlan; onEdit: () => void }) {
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 3 }}
      style={{ marginBottom: 8 }}
      extra={
        plan.abilities.update && (
          <Button icon={<EditOutlined />} onClick={onEdit} data-testid="term-plan-edit">
            编辑规划
          </Button>
        )
      }
      items={[
        { key: 'term', label: '届期', children: `${plan.startDate} 至 ${plan.endDate}` },
        { key: 'rounds', label: '每年轮次', children: `${plan.roundsPerYear} 轮` },
        { key: 'units', label: '纳入规划', children: `${plan.unitCount} 个单位（不纳入 ${plan.excludedCount} 个）` },
        ...(plan.notes ? [{ key: 'notes', label: '备注', children: plan.notes, span: 3 }] : []),
      ]}
    />
  );
}

function PlanTabs({ plan, search }: { plan: TermPlan; search: Search }) {
  const tab = search.get('tab') ?? 'coverage';
  const showAtRisk = (villages: boolean) =>
    search.setFilters({
      tab: 'units',
      atRisk: 'true',
      kind: villages ? 'village' : undefined,
      status: undefined,
      q: undefined,
    });
  return (
    <Tabs
      activeKey={tab}
      onChange={(next) => search.setFilters({ tab: next })}
      items={[
        { key: 'coverage', label: '覆盖情况', children: <CoverageView planId={plan.id} onShowAtRisk={showAtRisk} /> },
        {
          key: 'units',
          label: '规划单位',
          children: <PlanUnitsTable planId={plan.id} canManage={plan.abilities.update} search={search} />,
        },
      ]}
    />
  );
}

/** 届内规划: choose a term plan, see its coverage and forecast, and maintain the units it must cover. */
export function TermPlanPage() {
  const can = useCan();
  const search = useSearchState();
  const plans = useTermPlans();
  const [dialog, setDialog] = useState<'create' | 'edit' | null>(null);
  const pick = (id: string) => search.setFilters({ plan: id, tab: undefined });
  return (
    <QueryBoundary query={plans}>
      {({ items }) => {
        const plan = items.find((p) => p.id === search.get('plan')) ?? items[0];
        return (
          <PageContainer
            title="届内规划与全覆盖"
            extra={
              <Flex gap={8}>
                {items.length > 1 && (
                  <Select
                    style={{ width: 260 }}
                    value={plan?.id}
                    onChange={pick}
                    options={items.map((p) => ({ value: p.id, label: p.name }))}
                    data-testid="term-plan-select"
                  />
                )}
                {can('term_plan.manage') && (
                  <Button
                    type="primary"
                    icon={<PlusOutlined />}
                    onClick={() => setDialog('create')}
                    data-testid="term-plan-create"
                  >
                    新建届内规划
                  </Button>
                )}
              </Flex>
            }
          >
            {plan ? (
              <>
                <PlanHeader plan={plan} onEdit={() => setDialog('edit')} />
                <PlanTabs plan={plan} search={search} />
              </>
            ) : (
              <Empty description="尚未制定届内规划" />
            )}
            {dialog && (
              <TermPlanFormModal
                plan={dialog === 'edit' ? plan : undefined}
                onClose={() => setDialog(null)}
                onSaved={(saved) => pick(saved.id)}
              />
            )}
          </PageContainer>
        );
      }}
    </QueryBoundary>
  );
}
