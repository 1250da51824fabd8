import { Button, Center, Group, Text } from '@mantine/core';

export interface MorePages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => unknown;
}

interface Props {
  /** e.g. "12 orders"; shown only when there is something listed. */
  countLabel: string | null;
  /** Absent for a list that comes in one piece. */
  pages: Partial<MorePages>;
  /** Prefix of the test ids: `<name>-count`, `<name>-load-more`. */
  testIdPrefix: string;
  moreHint?: string;
  errorText?: string;
}

/** The foot of every list: how many are shown, and "Load more" for a keyset-paged one. */
export function LoadMoreFooter({
  countLabel,
  pages,
  testIdPrefix,
  moreHint = 'shown, more to load',
  errorText = 'The next page could not be loaded. Try again.',
}: Props) {
  return (
    <>
      {countLabel ? (
        <Group justify="space-between" p="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Text size="sm" c="dimmed" data-testid={`${testIdPrefix}-count`}>
            {countLabel}
            {pages.hasNextPage ? ` ${moreHint}` : ''}
          </Text>
          {pages.hasNextPage ? (
            <Button
              variant="default"
              onClick={() => void pages.fetchNextPage?.()}
              loading={pages.isFetchingNextPage}
              data-testid={`${testIdPrefix}-load-more`}
            >
              Load more
            </Button>
          ) : null}
        </Group>
      ) : null}
      {pages.isFetchNextPageError ? (
        <Center pb="md">
          <Text size="sm" c="red">
            {errorText}
          </Text>
        </Center>
      ) : null}
    </>
  );
}
