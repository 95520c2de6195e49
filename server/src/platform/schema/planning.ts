// Table types added by migration 0006_planning.sql (term plan, announcement, enquiries).
// biome-ignore lint/suspicious/noEmptyInterface: the migration for this area fills it in
export interface PlanningTables {}
