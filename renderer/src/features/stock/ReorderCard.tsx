import { Badge, Card, EmptyState, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconTruckDelivery } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { PageError } from '../../components/PageStates';
import { useTRPC } from '../../trpc/client';

const count = new Intl.NumberFormat();

/** The dashboard's "Reorder": active products at or below their reorder level, the shortest first. */
export function ReorderCard() {
  const trpc = useTRPC();
  const due = useQuery({ ...trpc.stock.lowStock.queryOptions({ limit: 50 }), refetchInterval: 60_000, staleTime: 15_000 });
  return (
    <Card mt="lg" data-testid="reorder-card">
      <Stack gap={2} mb="md">
        <Title order={2} fz={17}>
          Reorder
        </Title>
        <Text size="xs" c="dimmed">
          Products at or below their reorder level (set it in the product’s dialog).
        </Text>
      </Stack>
      {due.isError ? (
        <PageError error={due.error} onRetry={() => void due.refetch()} />
      ) : due.data === undefined ? (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      ) : due.data.length === 0 ? (
        <EmptyState
          icon={<IconTruckDelivery size={26} />}
          withIndicatorBackground
          title="Nothing to reorder"
          description="Every product is above its reorder level."
          py={32}
          data-testid="reorder-empty"
        />
      ) : (
        <Table verticalSpacing="xs" data-testid="reorder-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Product</Table.Th>
              <Table.Th ta="right" w={90}>
                Stock
              </Table.Th>
              <Table.Th ta="right" w={110}>
                Reorder level
              </Table.Th>
              <Table.Th ta="right" w={90}>
                Short
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {due.data.map((p) => (
              <Table.Tr key={p.id} data-testid={`reorder-row-${p.sku}`}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={500} truncate>
                      {p.name}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {p.sku}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {p.stock === 0 ? (
                    <Badge color="red" variant="light" radius="sm">
                      0
                    </Badge>
                  ) : (
                    count.format(p.stock)
                  )}
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {count.format(p.reorder_level)}
                </Table.Td>
                <Table.Td ta="right" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {count.format(p.shortfall)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
