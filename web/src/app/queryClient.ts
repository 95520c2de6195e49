import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.ts';

// Client errors (403/404/409…) will not fix themselves on a retry; only network or server hiccups might.
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status > 0 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});
