// List filters and the page number live in the URL, so a filtered list can be linked to
// (the dashboard cards do) and survives reload and the back button.
import { useSearchParams } from 'react-router';

export function useSearchState() {
  const [params, setParams] = useSearchParams();

  const get = (key: string): string | undefined => params.get(key) ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;

  /** Changing a filter goes back to page 1; an empty value removes the filter. */
  const setFilters = (changes: Record<string, string | undefined>) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        }
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  };

  const setPage = (nextPage: number, nextPageSize: number) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('page', String(nextPage));
      next.set('pageSize', String(nextPageSize));
      return next;
    });
  };

  return { get, page, pageSize, setFilters, setPage };
}
