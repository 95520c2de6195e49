// 一托N from the ranking: the top units not covered in the term nor in the round, as a batch's units and one
// 选定理由 naming each with its score (the batch has one reason for all; the single proposal has one each).
import type { RiskRankingPage, RoundDetail } from '@xuncha/contracts';
import { useState } from 'react';
import { api } from '../../app/api.ts';

type Option = { value: string; label: string };

export function useRiskFill(round: RoundDetail, top = 10) {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [options, setOptions] = useState<Option[]>([]);
  const propose = async (unitKind: string | undefined) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.get<RiskRankingPage>('/api/risk-ranking', {
        committeeId: round.committeeId,
        uncoveredInTerm: 'true',
        roundId: round.id,
        unitKind,
        pageSize: top,
      });
      setOptions(page.items.map((r) => ({ value: r.unitId, label: r.unitName })));
      const named = page.items.map((r) => `${r.unitName}（第 ${r.rank} 名，${r.score.toFixed(1)} 分）`).join('、');
      const reason = `按风险排序推荐届内尚未巡察的单位：${named}`.slice(0, 500);
      return { unitIds: page.items.map((r) => r.unitId), reason };
    } catch (e) {
      setError(e);
      return { unitIds: [], reason: '' };
    } finally {
      setLoading(false);
    }
  };
  return { propose, loading, error, options };
}
