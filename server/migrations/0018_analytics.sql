-- 统计分析 (issue 9): narrow covering indexes for the committee figures of 问题分析 and 成果运用, so that a
-- dashboard reads an index-only scan of the rows it counts instead of the wide finding/task/evidence heaps
-- (finding carries its facts text). Each partial predicate is the exact condition the analytics SQL uses
-- (server/src/modules/analytics/findings.repository.ts, outcomes.repository.ts).

-- findings the committee has put to the unit: fed back, or 立行立改
CREATE INDEX finding_analytics_idx ON finding (committee_id, inspection_id)
  INCLUDE (id, unit_id, aspect, discipline, major_problem, focus, power_type, areas, is_common, eight_rules,
    immediate, sensitivity)
  WHERE status = 'fed_back' OR immediate;

-- verified tasks (销号 or 阶段性完成): their evidence is what 成果运用 counts
CREATE INDEX task_verified_idx ON task (committee_id) INCLUDE (id, inspection_id, unit_id)
  WHERE status IN ('closed', 'partly_closed');

-- evidence of money, 制度 and 人员处理
CREATE INDEX evidence_outcome_idx ON evidence (task_id) INCLUDE (kind, amount, persons_count)
  WHERE kind IN ('money', 'institution', 'person');
