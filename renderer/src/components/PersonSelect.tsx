import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { UserDto } from '../../../shared/schemas/users';
import { useTRPC } from '../trpc/client';

interface PersonSelectProps {
  label: string;
  placeholder: string;
  value: UserDto | null;
  onChange: (user: UserDto | null) => void;
  optionLabel: (user: UserDto) => string;
  /** People the server lists but this filter leaves out. */
  hidden?: (user: UserDto) => boolean;
  testId: string;
}

/** A filter by person: the accounts the actor can see (`users.list`), searched on the server as you type. */
export function PersonSelect({ label, placeholder, value, onChange, optionLabel, hidden, testId }: PersonSelectProps) {
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  // While the box shows the chosen person's name, that name is no search.
  const query = value && search === optionLabel(value) ? '' : q;
  const people = useQuery({
    ...trpc.users.list.queryOptions({ limit: 50, ...(query ? { q: query } : {}) }),
    placeholderData: keepPreviousData,
  });
  const found = (people.data?.items ?? []).filter((u) => !hidden?.(u));
  const options = value && !found.some((u) => u.id === value.id) ? [value, ...found] : found;
  return (
    <Select
      label={label}
      placeholder={placeholder}
      data={options.map((u) => ({ value: String(u.id), label: optionLabel(u) }))}
      value={value ? String(value.id) : null}
      onChange={(id) => onChange(options.find((u) => String(u.id) === id) ?? null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already searched; the list shows what it found.
      filter={({ options: all }) => all}
      clearable
      nothingFoundMessage={people.isFetching ? 'Searching…' : 'Nobody matches'}
      w={240}
      data-testid={testId}
    />
  );
}
