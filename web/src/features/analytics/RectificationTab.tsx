// issue 9 — a tab of the analytics page (AnalyticsPage), filled in by its part.
import type { AnalyticsFilter } from '@xuncha/contracts';

export function RectificationTab(_props: { filter: AnalyticsFilter }) {
  return null;
}
