import { keepPreviousData, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { nextPageParam, type CursorPage } from './cursor-pages';

/**
 * "Load more" over a keyset list procedure. Not `infiniteQueryOptions`: tRPC adds a
 * `direction` key to the input, which the strict list schemas (`users.list`, `audit.list`)
 * refuse; this sends only the list's own fields and the cursor. The key is the procedure's
 * infinite key, so invalidating the router's `pathKey()` still refreshes it.
 */
export function useCursorPages<T>(queryKey: QueryKey, fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>, enabled = true) {
  return useInfiniteQuery({
    queryKey,
    enabled,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: CursorPage<T>) => nextPageParam(last),
    placeholderData: keepPreviousData,
  });
}

export type CursorPagesResult<T> = ReturnType<typeof useCursorPages<T>>;
