import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { PageError, PageLoader } from '../../components/PageStates';

interface HeadingProps {
  icon?: ReactNode;
  title: string;
  description?: ReactNode;
  /** On the right: how things stand now (a badge). */
  status?: ReactNode;
}

/** The title of a settings card or section, what it is for, and how things stand. */
export function SettingsHeading({ icon, title, description, status }: HeadingProps) {
  return (
    <Group justify="space-between" gap="sm">
      <Stack gap={4}>
        <Group gap="xs">
          {icon}
          <Title order={2} fz={17}>
            {title}
          </Title>
        </Group>
        {description ? (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        ) : null}
      </Stack>
      {status}
    </Group>
  );
}

interface SettingsCardProps<T> extends HeadingProps {
  testId: string;
  /** The saved settings. */
  query: UseQueryResult<T, unknown>;
  loadingLabel: string;
  /** The form over the saved settings. */
  children: (saved: T) => ReactNode;
}

/** A card of the settings page: its heading, then its form once the saved settings are in. */
export function SettingsCard<T>({ testId, query, loadingLabel, children, ...heading }: SettingsCardProps<T>) {
  return (
    <Card data-testid={testId}>
      <Stack gap="md">
        <SettingsHeading {...heading} />
        {query.isPending ? (
          <PageLoader label={loadingLabel} />
        ) : query.isError ? (
          <PageError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          // A save starts the form again from what the server now says.
          <Fragment key={JSON.stringify(query.data)}>{children(query.data)}</Fragment>
        )}
      </Stack>
    </Card>
  );
}
