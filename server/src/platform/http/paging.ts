// Offset pages for short lists; the page size is bounded by the contract (≤ 100).
import { sql } from 'kysely';
export interface PageRequest {
  page: number;
  pageSize: number;
}

export function pageWindow(req: PageRequest) {
  return { limit: req.pageSize, offset: (req.page - 1) * req.pageSize };
}

export function pageResult<T>(items: T[], total: number, req: PageRequest) {
  return { items, total, page: req.page, pageSize: req.pageSize };
}

/** Select this on the filtered query to count its rows. */
export const countRows = sql<number>`count(*)`.as('n');

/** A page of rows and the filtered total, queried at the same time. */
export async function withTotal<T>(rows: Promise<T[]>, count: Promise<{ n: number }>) {
  const [items, total] = await Promise.all([rows, count]);
  return { items, total: total.n };
}
