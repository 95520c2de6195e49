import { useState } from 'react';

/** Page state for tables embedded in a detail page, where the URL belongs to the page, not the table. */
export function useLocalPage(initialPageSize = 10) {
  const [state, setState] = useState({ page: 1, pageSize: initialPageSize });
  const setPage = (page: number, pageSize: number) => setState({ page, pageSize });
  return { ...state, setPage };
}
