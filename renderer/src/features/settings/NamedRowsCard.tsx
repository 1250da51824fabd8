import { Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { SettingsCard } from './SettingsCard';

interface NamedRowsCardProps<Row> {
  testId: string;
  icon: ReactNode;
  title: string;
  description: string;
  query: UseQueryResult<Row[], unknown>;
  loadingLabel: string;
  /** The rows (a NamedRowsTable). */
  rows: (list: Row[]) => ReactNode;
  /** The line to add one (an AddNamedRowForm). */
  addForm: ReactNode;
}

/**
 * A settings card of named rows (registers, tax rates): the rows, each renamed in a dialog,
 * and a line to add one under them.
 */
export function NamedRowsCard<Row>({ rows, addForm, ...card }: NamedRowsCardProps<Row>) {
  return (
    <SettingsCard {...card}>
      {(list) => (
        <Stack gap="md">
          {rows(list)}
          {addForm}
        </Stack>
      )}
    </SettingsCard>
  );
}
