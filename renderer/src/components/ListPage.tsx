import { Card, EmptyState, Group, Stack, Table, type MantineStyleProp } from '@mantine/core';
import type { ReactNode } from 'react';
import { LoadMoreFooter, type MorePages } from './LoadMoreFooter';
import { PageHeader } from './PageHeader';
import { PageError, PageLoader } from './PageStates';

export interface ListColumn {
  label: string;
  width?: number;
  minWidth?: number;
  align?: 'right' | 'center';
}

/**
 * What the list needs of its query: a `useCursorPages` result, or a plain query's for a list
 * that comes in one piece (no "Load more").
 */
interface ListQuery extends Partial<MorePages> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  isPlaceholderData: boolean;
}

interface ListPageProps<T> {
  /** Prefix of the test ids: `<name>-page`, `-table`, `-empty`, `-count`, `-load-more`. */
  name: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** Between the header and the list: what needs doing about what is listed. */
  notice?: ReactNode;
  /** The filter bar above the table. */
  filters?: ReactNode;
  filtersAlign?: 'flex-start' | 'center' | 'flex-end';
  query: ListQuery;
  /** What is listed (every page loaded so far, after any filtering on this side). */
  items: readonly T[];
  loadingLabel: string;
  empty: { icon: ReactNode; title: string; description: string };
  /** Shown instead of the list when the filters cannot be asked (an impossible date range). */
  blocked?: ReactNode;
  columns: readonly ListColumn[];
  minWidth: number;
  highlightOnHover?: boolean;
  renderRow: (item: T) => ReactNode;
  /** "12 orders": the foot of the list. */
  countLabel: (count: number) => string;
  moreHint?: string;
  loadMoreErrorText?: string;
  /** Dialogs and drawers the page opens. */
  children?: ReactNode;
}

/**
 * The scaffold of every keyset-paged list page: header, filters, then loading, error, empty
 * or the table, and "Load more" at the foot.
 */
export function ListPage<T>({
  name,
  title,
  description,
  actions,
  notice,
  filters,
  filtersAlign = 'flex-end',
  query,
  items,
  loadingLabel,
  empty,
  blocked,
  columns,
  minWidth,
  highlightOnHover = true,
  renderRow,
  countLabel,
  moreHint,
  loadMoreErrorText,
  children,
}: ListPageProps<T>) {
  const showCount = !blocked && !query.isPending && !query.isError && items.length > 0;
  return (
    <div data-testid={`${name}-page`}>
      <PageHeader title={title} description={description} actions={actions} />
      {notice}
      <Card p={0}>
        {filters ? (
          <Group p="md" gap="sm" wrap="wrap" align={filtersAlign}>
            {filters}
          </Group>
        ) : null}
        {blocked ?? (
          <ListBody
            name={name}
            query={query}
            items={items}
            loadingLabel={loadingLabel}
            empty={empty}
            columns={columns}
            minWidth={minWidth}
            highlightOnHover={highlightOnHover}
            renderRow={renderRow}
          />
        )}
        <LoadMoreFooter
          countLabel={showCount ? countLabel(items.length) : null}
          pages={query}
          testIdPrefix={name}
          moreHint={moreHint}
          errorText={loadMoreErrorText}
        />
      </Card>
      {children}
    </div>
  );
}

type ListBodyProps<T> = Pick<
  ListPageProps<T>,
  'name' | 'query' | 'items' | 'loadingLabel' | 'empty' | 'columns' | 'minWidth' | 'highlightOnHover' | 'renderRow'
>;

function ListBody<T>({ name, query, items, loadingLabel, empty, columns, minWidth, highlightOnHover, renderRow }: ListBodyProps<T>) {
  if (query.isPending) return <PageLoader label={loadingLabel} />;
  if (query.isError) {
    return (
      <Stack p="md">
        <PageError error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  if (items.length === 0) {
    return (
      <EmptyState
        icon={empty.icon}
        withIndicatorBackground
        title={empty.title}
        description={empty.description}
        py="xl"
        data-testid={`${name}-empty`}
      />
    );
  }
  // The previous filter's rows stay, dimmed, until the new ones arrive.
  const style: MantineStyleProp = { opacity: query.isPlaceholderData ? 0.6 : 1 };
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover={highlightOnHover} data-testid={`${name}-table`} style={style}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.label} scope="col" w={column.width} miw={column.minWidth} ta={column.align}>
                {column.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{items.map(renderRow)}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
