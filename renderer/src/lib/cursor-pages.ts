/** The pure part of keyset paging ("Load more"): what a list procedure answers and how to read it. */

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** The cursor of the page after `last`; undefined once the list is complete. */
export function nextPageParam<T>(last: CursorPage<T>): string | undefined {
  return last.nextCursor ?? undefined;
}

/** Every item loaded so far, in the order the pages came. */
export function itemsOfPages<T>(data: { pages: readonly CursorPage<T>[] } | undefined): T[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}

type Filled<T> = { [K in keyof T]?: Exclude<T[K], null | undefined> };

/**
 * A list's input without the filters left empty (null, undefined, ''): the strict list schemas
 * refuse `null`, and an empty search is no search.
 */
export function filledFilters<T extends Record<string, unknown>>(filters: T): Filled<T> {
  const filled: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value !== null && value !== undefined && value !== '') filled[key] = value;
  }
  return filled as Filled<T>;
}

const countFormat = new Intl.NumberFormat();

/** "1 product", "1,204 products": the foot of a list. */
export function countLabel(count: number, singular: string, plural = `${singular}s`): string {
  return `${countFormat.format(count)} ${count === 1 ? singular : plural}`;
}
