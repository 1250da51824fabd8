import { Badge, Center, Drawer, Loader, Stack, Table, Text } from '@mantine/core';
import type { ProductDto } from '../../../../shared/schemas/catalog';
import { LoadMoreFooter } from '../../components/LoadMoreFooter';
import { countLabel, itemsOfPages } from '../../lib/cursor-pages';
import { shopClockFormat } from '../../lib/dates';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { usePeopleNames } from '../../lib/use-people-names';
import { useLingering } from '../../lib/use-lingering';
import { useTRPC, useTRPCClient } from '../../trpc/client';
import { movementLabel, signedDelta, stockAfterEach } from './movement-text';

const PAGE_SIZE = 50;
const whenFormat = () => shopClockFormat({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

function History({ product }: { product: ProductDto }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const input = { id: product.id, limit: PAGE_SIZE };
  const pages = useCursorPages(trpc.stock.movements.infiniteQueryKey(input), (cursor) =>
    client.stock.movements.query({ ...input, cursor }),
  );
  const movements = itemsOfPages(pages.data);
  const nameOf = usePeopleNames(
    [],
    movements.flatMap((m) => (m.user_id === null ? [] : [m.user_id])),
  );
  const stockAfter = stockAfterEach(product.stock, movements);
  const format = whenFormat();

  if (pages.isPending)
    return (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  if (pages.isError)
    return (
      <Text c="red" size="sm">
        The history could not be loaded. Close and try again.
      </Text>
    );
  if (movements.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="stock-history-empty">
        No stock has moved yet.
      </Text>
    );
  return (
    <Stack gap={0}>
      <Table striped verticalSpacing="xs" data-testid="stock-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>What</Table.Th>
            <Table.Th ta="right">Change</Table.Th>
            <Table.Th ta="right">Stock after</Table.Th>
            <Table.Th>Who, when</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {movements.map((m, index) => (
            <Table.Tr key={m.id} data-testid="stock-movement" data-reason={m.reason}>
              <Table.Td>
                <Text size="sm">{movementLabel(m)}</Text>
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                <Badge variant="light" color={m.delta > 0 ? 'teal' : 'red'} radius="sm">
                  {signedDelta(m.delta)}
                </Badge>
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {stockAfter[index]}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{m.user_id === null ? 'ShopDesk' : (nameOf(m.user_id) ?? `User #${m.user_id}`)}</Text>
                <Text size="xs" c="dimmed" component="time" dateTime={m.created_at}>
                  {format.format(new Date(m.created_at))}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <LoadMoreFooter countLabel={countLabel(movements.length, 'movement')} pages={pages} testIdPrefix="stock-history" />
    </Stack>
  );
}

/** A product's stock ledger, newest first: every sale, refund, delivery and correction. */
export function StockHistoryDrawer({ product, onClose }: { product: ProductDto | null; onClose: () => void }) {
  const shown = useLingering(product);
  return (
    <Drawer
      opened={product !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={shown ? `Stock history: ${shown.name}` : 'Stock history'}
      data-testid="stock-history-drawer"
    >
      {shown ? <History key={shown.id} product={shown} /> : null}
    </Drawer>
  );
}
