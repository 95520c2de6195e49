// Offset pages for short lists; the page size is bounded by the contract (≤ 100).
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
