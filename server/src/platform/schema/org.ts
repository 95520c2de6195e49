// Table types added by migration 0003_org.sql (committee tree, unit attributes and history,
// leading group and office). Columns of tables created in 0001 that 0003 adds go on those tables
// in ../schema.ts.
// biome-ignore lint/suspicious/noEmptyInterface: the migration for this area fills it in
export interface OrgTables {}
