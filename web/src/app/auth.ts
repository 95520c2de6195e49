// Who is logged in. `me` is null when there is no session; undefined only while loading.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginInput, LoginResult, Me, MeWithState, Permission } from '@xuncha/contracts';
import { createContext, useContext } from 'react';
import { ApiError, api } from './api.ts';

export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<MeWithState | null> {
  try {
    return await api.get<MeWithState>('/api/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY });
}

// The guard provides the user to the signed-in pages through context rather than each page reading
// the query: when the session ends only the guard re-renders, so no page ever renders without a user.
export const CurrentUserContext = createContext<Me | null>(null);

/** The logged-in user; only call below the auth guard, where a user is guaranteed. */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser 只能在登录后的页面中使用');
  return me;
}

export function useCan(): (permission: Permission) => boolean {
  const me = useCurrentUser();
  return (permission) => me.permissions.includes(permission);
}

/** Puts the signed-in user in place once the last login step has given a session. */
export function useSignedIn(): (me: MeWithState) => void {
  const queryClient = useQueryClient();
  return (me) => {
    // Nothing cached for an earlier session may show up for this user.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
    queryClient.setQueryData(ME_KEY, me);
  };
}

/** The password step: a session at once, or `needSecondFactor` with a pending token for the next step. */
export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<LoginResult>('/api/auth/login', input),
    onSuccess: (result) => {
      if (!('needSecondFactor' in result)) signedIn(result);
    },
  });
}

/**
 * Logging out reloads the login page instead of routing to it: nothing of the previous user's
 * case data stays in memory, and the next user does not land on the page the last one left open.
 */
export function useLogout() {
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSettled: () => window.location.replace('/login'),
  });
}
