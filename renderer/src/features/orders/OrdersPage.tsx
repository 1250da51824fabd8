import { Select } from '@mantine/core';
import { IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import { can, reachOf } from '../../../../shared/permissions';
import { ROLE_NAMES } from '../../../../shared/roles';
import type { OrderDto } from '../../../../shared/schemas/orders';
import type { UserDto } from '../../../../shared/schemas/users';
import { ClearFiltersButton } from '../../components/ClearFiltersButton';
import { DateRangeFilter, isBackwardsRange } from '../../components/DateRangeFilter';
import { ListPage, type ListColumn } from '../../components/ListPage';
import { PersonSelect } from '../../components/PersonSelect';
import { countLabel, filledFilters, itemsOfPages } from '../../lib/cursor-pages';
import { fullName } from '../../lib/names';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { usePeopleNames } from '../../lib/use-people-names';
import { useTRPC, useTRPCClient } from '../../trpc/client';
import { OrderDrawer } from './OrderDrawer';
import { OrderRow } from './OrderRow';
import { ReceiptNoSearch } from './ReceiptNoSearch';
import { SalesExportButton } from './SalesExportButton';
import { STATUS_LABELS, type OrderStatus } from './order-text';

const PAGE_SIZE = 50;

const COLUMNS: ListColumn[] = [
  { label: 'Order', width: 100 },
  { label: 'When', width: 190 },
  { label: 'Placed by' },
  { label: 'Items', width: 90, align: 'right' },
  { label: 'Total', width: 130, align: 'right' },
  { label: 'Status', width: 150 },
];

const STATUS_OPTIONS = Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }));
const isOrderStatus = (value: string): value is OrderStatus => value in STATUS_LABELS;

const personLabel = (user: UserDto) => `${fullName(user) || user.username} (${ROLE_NAMES[user.role]})`;

/** Orders: managers see everyone's and filter by person; everyone else sees their own. */
export default function OrdersPage({ user }: { user: UserDto }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const seesEveryone = reachOf(user.role, 'orders.read') === 'any';
  const [status, setStatus] = useState<OrderStatus | null>(null);
  const [person, setPerson] = useState<UserDto | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [openOrder, setOpenOrder] = useState<OrderDto | null>(null);
  // A backwards range is marked on "To" and left out of the query until it is fixed.
  const badRange = isBackwardsRange(from, to);

  const filters = filledFilters({
    limit: PAGE_SIZE,
    status,
    user_id: seesEveryone ? person?.id : undefined,
    from: badRange ? undefined : from,
    to: badRange ? undefined : to,
  });
  const list = useCursorPages(trpc.orders.list.infiniteQueryKey(filters), (cursor) => client.orders.list.query({ ...filters, cursor }));
  const orders = itemsOfPages(list.data);
  const nameOf = usePeopleNames(person ? [user, person] : [user], seesEveryone ? orders.map((o) => o.user_id) : []);
  const whoOf = (userId: number) => (userId === user.id ? 'You' : (nameOf(userId) ?? `User #${userId}`));
  const filtered = status !== null || person !== null || from !== '' || to !== '';
  const clear = () => {
    setStatus(null);
    setPerson(null);
    setFrom('');
    setTo('');
  };

  return (
    <ListPage
      name="orders"
      title="Orders"
      description={
        seesEveryone
          ? 'Every sale and order in the shop. Open one to see its lines, complete it or cancel it.'
          : 'Your sales and orders. Open one to see its lines; open orders can be cancelled.'
      }
      actions={can(user.role, 'orders.export') ? <SalesExportButton from={badRange ? '' : from} to={badRange ? '' : to} /> : undefined}
      filters={
        <>
          <ReceiptNoSearch findsEverySale={can(user.role, 'orders.read_sales')} onFound={setOpenOrder} />
          <Select
            label="Status"
            placeholder="Any status"
            data={STATUS_OPTIONS}
            value={status}
            onChange={(value) => setStatus(value !== null && isOrderStatus(value) ? value : null)}
            clearable
            w={170}
            data-testid="orders-status"
          />
          {seesEveryone ? (
            <PersonSelect
              label="Placed by"
              placeholder="Anyone"
              value={person}
              onChange={setPerson}
              optionLabel={personLabel}
              testId="orders-person"
            />
          ) : null}
          <DateRangeFilter from={from} to={to} onFromChange={setFrom} onToChange={setTo} testIdPrefix="orders" />
          {filtered ? <ClearFiltersButton onClick={clear} /> : null}
        </>
      }
      query={list}
      items={orders}
      loadingLabel="Loading orders…"
      empty={{
        icon: <IconReceipt size={28} />,
        title: filtered ? 'No order matches' : 'No orders yet',
        description: filtered ? 'Try another status, person or dates.' : 'Sales made at the point of sale appear here.',
      }}
      columns={COLUMNS}
      minWidth={760}
      renderRow={(order) => <OrderRow key={order.id} order={order} placedBy={whoOf(order.user_id)} onOpen={() => setOpenOrder(order)} />}
      countLabel={(count) => countLabel(count, 'order')}
    >
      <OrderDrawer order={openOrder} actor={user} nameOf={nameOf} onClose={() => setOpenOrder(null)} />
    </ListPage>
  );
}
