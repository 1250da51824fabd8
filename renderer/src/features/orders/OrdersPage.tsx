import { Button, Card, EmptyState, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconReceipt } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { isOneOf, ROLE_NAMES } from '../../../../shared/roles';
import type { OrderDto } from '../../../../shared/schemas/orders';
import type { UserDto } from '../../../../shared/schemas/users';
import { PageHeader } from '../../components/PageHeader';
import { PageError, PageLoader } from '../../components/PageStates';
import { fullName } from '../../lib/names';
import { useTRPC, useTRPCClient } from '../../trpc/client';
import { formatMoney } from '../catalog/money';
import { MANAGING_ROLES } from '../shell/navigation';
import { useCursorPages } from '../staff/use-cursor-pages';
import { usePeopleNames } from '../staff/use-people';
import { OrderDrawer } from './OrderDrawer';
import { formatFullWhen, formatWhen, itemCountOf, STATUS_LABELS, type OrderStatus } from './order-text';
import { StatusBadge } from './StatusBadge';
import { LoadMoreFooter } from '../../components/LoadMoreFooter';

const PAGE_SIZE = 50;

const personLabel = (user: UserDto) => `${fullName(user) || user.username} (${ROLE_NAMES[user.role]})`;

/** "Placed by": the staff the manager can see (`users.list`), searched on the server as you type. */
function PersonFilter({ value, onChange }: { value: UserDto | null; onChange: (user: UserDto | null) => void }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const query = value && search === personLabel(value) ? '' : q;
  const people = useQuery({ ...trpc.users.list.queryOptions({ limit: 50, ...(query ? { q: query } : {}) }), placeholderData: keepPreviousData });
  const found = people.data?.items ?? [];
  const options = value && !found.some((u) => u.id === value.id) ? [value, ...found] : found;
  return (
    <Select
      label="Placed by"
      placeholder="Anyone"
      data={options.map((u) => ({ value: String(u.id), label: personLabel(u) }))}
      value={value ? String(value.id) : null}
      onChange={(id) => onChange(options.find((u) => String(u.id) === id) ?? null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      clearable
      nothingFoundMessage={people.isFetching ? 'Searching…' : 'Nobody matches'}
      w={240}
      data-testid="orders-person"
    />
  );
}

/** Orders: managers see everyone's and filter by person; everyone else sees their own. */
export default function OrdersPage({ user }: { user: UserDto }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const isManager = isOneOf(MANAGING_ROLES, user.role);
  const [status, setStatus] = useState<OrderStatus | null>(null);
  const [person, setPerson] = useState<UserDto | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [openOrder, setOpenOrder] = useState<OrderDto | null>(null);
  const badRange = from !== '' && to !== '' && to < from;

  const filters = {
    limit: PAGE_SIZE,
    ...(status ? { status } : {}),
    ...(isManager && person ? { user_id: person.id } : {}),
    ...(from && !badRange ? { from } : {}),
    ...(to && !badRange ? { to } : {}),
  };
  const list = useCursorPages(trpc.orders.list.infiniteQueryKey(filters), (cursor) => client.orders.list.query({ ...filters, cursor }));
  const orders = list.data?.pages.flatMap((page) => page.items) ?? [];
  const nameOf = usePeopleNames(person ? [user, person] : [user], isManager ? orders.map((o) => o.user_id) : []);
  const whoOf = (userId: number) => (userId === user.id ? 'You' : (nameOf(userId) ?? `User #${userId}`));
  const filtered = status !== null || person !== null || from !== '' || to !== '';

  return (
    <div data-testid="orders-page">
      <PageHeader
        title="Orders"
        description={isManager ? 'Every sale and order in the shop. Open one to see its lines, complete it or cancel it.' : 'Your sales and orders. Open one to see its lines; open orders can be cancelled.'}
      />
      <Card p={0}>
        <Group p="md" gap="sm" wrap="wrap" align="flex-end">
          <Select
            label="Status"
            placeholder="Any status"
            data={(Object.keys(STATUS_LABELS) as OrderStatus[]).map((key) => ({ value: key, label: STATUS_LABELS[key] }))}
            value={status}
            onChange={(value) => setStatus(value as OrderStatus | null)}
            clearable
            w={170}
            data-testid="orders-status"
          />
          {isManager ? <PersonFilter value={person} onChange={setPerson} /> : null}
          <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} max={to || undefined} w={160} data-testid="orders-from" />
          <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} min={from || undefined} w={160} error={badRange ? 'Before “From”' : undefined} data-testid="orders-to" />
          {filtered ? (
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconFilterOff size={16} />}
              onClick={() => {
                setStatus(null);
                setPerson(null);
                setFrom('');
                setTo('');
              }}
            >
              Clear filters
            </Button>
          ) : null}
        </Group>
        {list.isPending ? (
          <PageLoader label="Loading orders…" />
        ) : list.isError ? (
          <Stack p="md">
            <PageError error={list.error} onRetry={() => void list.refetch()} />
          </Stack>
        ) : orders.length === 0 ? (
          <EmptyState
            icon={<IconReceipt size={28} />}
            withIndicatorBackground
            title={filtered ? 'No order matches' : 'No orders yet'}
            description={filtered ? 'Try another status, person or dates.' : 'Sales made at the point of sale appear here.'}
            py="xl"
            data-testid="orders-empty"
          />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="orders-table" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={100}>
                    Order
                  </Table.Th>
                  <Table.Th scope="col" w={190}>
                    When
                  </Table.Th>
                  <Table.Th scope="col">Placed by</Table.Th>
                  <Table.Th scope="col" w={90} ta="right">
                    Items
                  </Table.Th>
                  <Table.Th scope="col" w={130} ta="right">
                    Total
                  </Table.Th>
                  <Table.Th scope="col" w={150}>
                    Status
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {orders.map((order) => (
                  <Table.Tr
                    key={order.id}
                    tabIndex={0}
                    style={{ cursor: 'pointer' }}
                    onClick={() => setOpenOrder(order)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter' || event.key === ' ') {
                        event.preventDefault();
                        setOpenOrder(order);
                      }
                    }}
                    aria-label={`Order ${order.id}, ${STATUS_LABELS[order.status]}, ${formatMoney(order.total_cents)}`}
                    data-testid={`order-row-${order.id}`}
                    data-status={order.status}
                  >
                    <Table.Td fw={600}>#{order.id}</Table.Td>
                    <Table.Td>
                      <Text size="sm" component="time" dateTime={order.created_at} title={formatFullWhen(order.created_at)}>
                        {formatWhen(order.created_at)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" truncate maw={260}>
                        {whoOf(order.user_id)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{itemCountOf(order)}</Table.Td>
                    <Table.Td ta="right" fw={600} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                      {formatMoney(order.total_cents)}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={order.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMoreFooter countLabel={list.data && orders.length > 0 ? (orders.length === 1 ? '1 order' : `${orders.length} orders`) : null} pages={list} testIdPrefix="orders" />
      </Card>
      <OrderDrawer order={openOrder} actor={user} nameOf={whoOf} onClose={() => setOpenOrder(null)} />
    </div>
  );
}
