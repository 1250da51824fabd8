import { Loader, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';

/** The text of a search box, and what the list searches for once typing pauses. */
export function useDebouncedSearch(delayMs: number) {
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), delayMs);
  return { text, setText, query, typing: text.trim() !== query };
}

/** Whether a list is fetching its first page again (a new filter), not a further page. */
export function isRefetching(list: { isFetching: boolean; isFetchingNextPage: boolean; isPending: boolean }): boolean {
  return list.isFetching && !list.isFetchingNextPage && !list.isPending;
}

interface SearchFieldProps {
  value: string;
  onChange: (text: string) => void;
  /** A spinner while the typed text is not yet what the list shows. */
  searching: boolean;
  placeholder: string;
  label: string;
  testId: string;
}

/** The search box at the head of a list. */
export function SearchField({ value, onChange, searching, placeholder, label, testId }: SearchFieldProps) {
  return (
    <TextInput
      placeholder={placeholder}
      aria-label={label}
      leftSection={<IconSearch size={16} />}
      rightSection={searching ? <Loader size={14} /> : null}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      style={{ flex: '1 1 280px' }}
      maw={420}
      data-testid={testId}
    />
  );
}
