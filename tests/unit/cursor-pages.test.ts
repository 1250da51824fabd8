// Keyset paging in the renderer (renderer/src/lib/cursor-pages.ts): the lists' "Load more".
import { describe, expect, it } from 'vitest';
import { countLabel, filledFilters, itemsOfPages, nextPageParam, type CursorPage } from '../../renderer/src/lib/cursor-pages';

describe('cursor pages', () => {
  it('asks for the next page with the cursor the last one gave, and stops without one', () => {
    expect(nextPageParam({ items: [1], nextCursor: 'abc' })).toBe('abc');
    expect(nextPageParam({ items: [1], nextCursor: null })).toBeUndefined();
  });

  it('lists the items of every page loaded, in order', () => {
    const pages: CursorPage<number>[] = [
      { items: [1, 2], nextCursor: 'a' },
      { items: [3], nextCursor: 'b' },
      { items: [], nextCursor: null },
    ];
    expect(itemsOfPages({ pages })).toEqual([1, 2, 3]);
    expect(itemsOfPages(undefined)).toEqual([]);
  });

  it('sends only the filters that are set', () => {
    expect(filledFilters({ limit: 50, q: '', role: null, user_id: undefined, is_active: 'false', from: '2026-11-01' })).toEqual({
      limit: 50,
      is_active: 'false',
      from: '2026-11-01',
    });
    // Zero and false are values, not blanks.
    expect(filledFilters({ limit: 0, flag: false })).toEqual({ limit: 0, flag: false });
  });

  it('counts what is listed, with the plural', () => {
    expect(countLabel(1, 'order')).toBe('1 order');
    expect(countLabel(2, 'order')).toBe('2 orders');
    expect(countLabel(0, 'entry', 'entries')).toBe('0 entries');
    expect(countLabel(1234, 'product')).toBe(`${new Intl.NumberFormat().format(1234)} products`);
  });
});
