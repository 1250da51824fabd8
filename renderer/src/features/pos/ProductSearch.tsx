import { Badge, Group, Kbd, Loader, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBarcode, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ProductDto } from '../../../../shared/schemas/catalog';
import { notifyFailure } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { formatMoney } from '../../lib/money';
import classes from './Pos.module.css';

/** Results as you type: one round trip per pause of this length. */
export const SEARCH_DEBOUNCE_MS = 120;
const RESULT_LIMIT = 20;
/** `catalog.list` takes at most 100 characters of `q`. */
const MAX_QUERY = 100;

/** An exact barcode or SKU first, then names that start with the words, then the rest. */
export function rankResults(items: readonly ProductDto[], q: string): ProductDto[] {
  const needle = q.toLowerCase();
  const score = (p: ProductDto) =>
    p.barcode === q ? 0 : p.sku.toLowerCase() === needle ? 1 : p.name.toLowerCase().startsWith(needle) ? 2 : 3;
  return items
    .map((product, index) => ({ product, index, score: score(product) }))
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map((r) => r.product);
}

interface ProductSearchProps {
  value: string;
  onValueChange: (value: string) => void;
  onPick: (product: ProductDto) => void;
  onNothingFound: (query: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}

/**
 * The search box of the point of sale: results as you type, ↑/↓ to choose, Enter to add,
 * Esc to clear. Enter before the results caught up asks the server for exactly what was typed,
 * so a fast typist never adds a stale result.
 */
export function ProductSearch({ value, onValueChange, onPick, onNothingFound, inputRef }: ProductSearchProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const typed = value.trim().slice(0, MAX_QUERY);
  const [q] = useDebouncedValue(typed, SEARCH_DEBOUNCE_MS);
  const [focused, setFocused] = useState(true);
  const [chosen, setActive] = useState(0);
  const results = useQuery({
    ...trpc.catalog.list.queryOptions({ q, limit: RESULT_LIMIT }),
    enabled: q !== '',
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const items = q === '' ? [] : rankResults(results.data?.items ?? [], q);
  const fresh = q === typed && results.isSuccess && !results.isPlaceholderData;
  const active = Math.max(0, Math.min(chosen, items.length - 1));
  const activeItem = useRef<HTMLButtonElement | null>(null);

  // A new search starts at its first result; a background refresh keeps the choice.
  useEffect(() => {
    setActive(0);
  }, [q]);
  useEffect(() => {
    activeItem.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const pick = (product: ProductDto) => {
    onPick(product);
    onValueChange('');
  };

  const enter = async () => {
    if (typed === '') return;
    if (fresh) {
      const chosen = items[active];
      if (chosen) pick(chosen);
      else onNothingFound(typed);
      return;
    }
    try {
      const found = await queryClient.fetchQuery({
        ...trpc.catalog.list.queryOptions({ q: typed, limit: RESULT_LIMIT }),
        staleTime: 10_000,
      });
      const first = rankResults(found.items, typed)[0];
      if (first) pick(first);
      else onNothingFound(typed);
    } catch (error) {
      notifyFailure(error, 'Could not search the products');
    }
  };

  const open = focused && typed !== '';
  const waiting = typed !== '' && (!fresh || results.isFetching);
  return (
    <div className={classes.searchBox}>
      <TextInput
        ref={inputRef}
        size="lg"
        placeholder="Scan a barcode, or type a name, SKU or barcode"
        aria-label="Search products"
        aria-autocomplete="list"
        aria-controls="pos-results"
        aria-expanded={open}
        aria-activedescendant={open && items[active] ? `pos-result-${items[active].id}` : undefined}
        role="combobox"
        leftSection={<IconSearch size={20} />}
        rightSection={waiting ? <Loader size={18} /> : <IconBarcode size={22} color="var(--mantine-color-dimmed)" aria-hidden />}
        rightSectionWidth={44}
        value={value}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onChange={(event) => onValueChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (typed === '' || event.ctrlKey || event.metaKey || event.altKey) return;
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const by = event.key === 'ArrowDown' ? 1 : -1;
            setActive((i) => (items.length === 0 ? 0 : (i + by + items.length) % items.length));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            void enter();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onValueChange('');
          }
        }}
        data-testid="pos-search"
      />
      {open ? (
        <Paper
          withBorder
          shadow="lg"
          className={classes.results}
          id="pos-results"
          role="listbox"
          aria-label="Products found"
          data-testid="pos-results"
        >
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" p="sm" data-testid="pos-no-results">
              {results.isError ? 'The search failed; press Enter to try again.' : waiting ? 'Searching…' : `Nothing matches “${typed}”.`}
            </Text>
          ) : (
            items.map((product, index) => (
              <UnstyledButton
                key={product.id}
                ref={index === active ? activeItem : undefined}
                id={`pos-result-${product.id}`}
                role="option"
                aria-selected={index === active}
                tabIndex={-1}
                className={classes.result}
                data-active={index === active}
                data-testid="pos-result"
                data-sku={product.sku}
                // Keeps the focus (and the typing) in the search box.
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setActive(index)}
                onClick={() => pick(product)}
                style={{ opacity: fresh ? 1 : 0.7 }}
              >
                <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" fw={600} truncate>
                    {product.name}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace" truncate>
                    {product.sku}
                    {product.barcode ? ` · ${product.barcode}` : ''}
                  </Text>
                </Stack>
                {product.stock === 0 ? (
                  <Badge color="red" variant="light" radius="sm" size="sm">
                    Out of stock
                  </Badge>
                ) : (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {product.stock} in stock
                  </Text>
                )}
                <Text size="sm" fw={600} className={classes.money} w={90} ta="right">
                  {formatMoney(product.price_cents)}
                </Text>
              </UnstyledButton>
            ))
          )}
          {items.length > 0 ? (
            <Group gap={6} px="sm" py={6} justify="flex-end">
              <Text size="xs" c="dimmed">
                <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> choose · <Kbd size="xs">Enter</Kbd> add · <Kbd size="xs">Esc</Kbd> clear
              </Text>
            </Group>
          ) : null}
        </Paper>
      ) : null}
    </div>
  );
}
