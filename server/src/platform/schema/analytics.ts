// issue 9 — table types of this part's migration, filled in by it.
// biome-ignore lint/suspicious/noEmptyInterface: filled in by its part
export interface AnalyticsTables {}
