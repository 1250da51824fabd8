import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { LoadMoreFooter } from '../../components/LoadMoreFooter';
import { countLabel, itemsOfPages } from '../../lib/cursor-pages';
import { shopClockFormat } from '../../lib/dates';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { usePeopleNames } from '../../lib/use-people-names';
import { useTRPC, useTRPCClient } from '../../trpc/client';

const PAGE_SIZE = 25;
const count = new Intl.NumberFormat();

/** Past deliveries, newest first. */
export function ReceiptsList() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const input = { limit: PAGE_SIZE };
  const pages = useCursorPages(trpc.stock.receipts.infiniteQueryKey(input), (cursor) => client.stock.receipts.query({ ...input, cursor }));
  const receipts = itemsOfPages(pages.data);
  const nameOf = usePeopleNames(
    [],
    receipts.map((r) => r.created_by),
  );
  const format = shopClockFormat({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

  return (
    <Card mt="lg" padding={0} data-testid="receipts-list">
      <Stack gap={2} p="md">
        <Title order={2} fz={17}>
          Past deliveries
        </Title>
      </Stack>
      {pages.isError ? (
        <Text c="red" size="sm" p="md">
          The deliveries could not be loaded.
        </Text>
      ) : receipts.length === 0 ? (
        <Text c="dimmed" size="sm" p="md" data-testid="receipts-empty">
          {pages.isPending ? 'Loading…' : 'No goods received yet.'}
        </Text>
      ) : (
        <Table verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>#</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>Supplier</Table.Th>
              <Table.Th ta="right">Products</Table.Th>
              <Table.Th ta="right">Units</Table.Th>
              <Table.Th>Received by</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {receipts.map((r) => (
              <Table.Tr key={r.id} data-testid={`receipt-row-${r.id}`}>
                <Table.Td>{r.id}</Table.Td>
                <Table.Td>
                  <Text size="sm" component="time" dateTime={r.created_at}>
                    {format.format(new Date(r.created_at))}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.supplier ?? '—'}</Text>
                  {r.note ? (
                    <Text size="xs" c="dimmed">
                      {r.note}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right">{r.items.length}</Table.Td>
                <Table.Td ta="right">{count.format(r.items.reduce((sum, i) => sum + i.amount, 0))}</Table.Td>
                <Table.Td>{nameOf(r.created_by) ?? `User #${r.created_by}`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <LoadMoreFooter
        countLabel={receipts.length > 0 ? countLabel(receipts.length, 'delivery', 'deliveries') : null}
        pages={pages}
        testIdPrefix="receipts"
      />
    </Card>
  );
}
