import { Select } from '@mantine/core';
import { IconCashRegister } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { reachOf } from '../../../../shared/permissions';
import { CASH_SESSION_STATUSES, type CashSessionDto } from '../../../../shared/schemas/cash';
import type { UserDto } from '../../../../shared/schemas/users';
import { ClearFiltersButton } from '../../components/ClearFiltersButton';
import { DateRangeFilter, isBackwardsRange } from '../../components/DateRangeFilter';
import { ListPage, type ListColumn } from '../../components/ListPage';
import { countLabel, filledFilters, itemsOfPages } from '../../lib/cursor-pages';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { usePeopleNames } from '../../lib/use-people-names';
import { useTRPC, useTRPCClient } from '../../trpc/client';
import { CashReportModal } from './CashReportModal';
import { CashSessionRow } from './CashSessionRow';

const PAGE_SIZE = 50;

const COLUMNS: ListColumn[] = [
  { label: 'Session', width: 70 },
  { label: 'Register' },
  { label: 'Opened', minWidth: 170 },
  { label: 'Opened by' },
  { label: 'Expected', width: 110, align: 'right' },
  { label: 'Counted', width: 110, align: 'right' },
  { label: 'Difference', minWidth: 140 },
  { label: 'Status', minWidth: 90 },
];

type Status = CashSessionDto['status'];
const STATUS_LABELS: Record<Status, string> = { open: 'Open', closed: 'Closed' };
const STATUS_OPTIONS = CASH_SESSION_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));
const statusOf = (value: string | null): Status | null => CASH_SESSION_STATUSES.find((s) => s === value) ?? null;

/** Drawer sessions, newest first: managers see every register's, others their own; a row opens its X or Z report. */
export default function CashSessionsPage({ user }: { user: UserDto }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const seesEveryone = reachOf(user.role, 'cash_sessions.work') === 'any';
  const registers = useQuery(trpc.registers.list.queryOptions());
  const [registerId, setRegisterId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [openId, setOpenId] = useState<number | null>(null);
  // A backwards range is marked on "To" and left out of the query until it is fixed.
  const badRange = isBackwardsRange(from, to);

  const filters = filledFilters({
    limit: PAGE_SIZE,
    register_id: registerId === null ? undefined : Number(registerId),
    status,
    from: badRange ? undefined : from,
    to: badRange ? undefined : to,
  });
  const list = useCursorPages(trpc.cashSessions.list.infiniteQueryKey(filters), (cursor) =>
    client.cashSessions.list.query({ ...filters, cursor }),
  );
  const sessions = itemsOfPages(list.data);
  const nameOf = usePeopleNames([user], seesEveryone ? sessions.map((s) => s.opened_by) : []);
  const whoOf = (userId: number) => (userId === user.id ? 'You' : (nameOf(userId) ?? `User #${userId}`));
  const registerName = (id: number) => registers.data?.find((r) => r.id === id)?.name ?? `Register #${id}`;
  const filtered = registerId !== null || status !== null || from !== '' || to !== '';
  const clear = () => {
    setRegisterId(null);
    setStatus(null);
    setFrom('');
    setTo('');
  };

  return (
    <ListPage
      name="cash-sessions"
      title="Drawer sessions"
      description={
        seesEveryone
          ? 'Every register’s drawer sessions, newest first. Open one for its X report (still open) or Z report (closed).'
          : 'The drawer sessions you opened, newest first. Open one for its X or Z report.'
      }
      filters={
        <>
          <Select
            label="Register"
            placeholder="Any register"
            data={(registers.data ?? []).map((r) => ({ value: String(r.id), label: r.name }))}
            value={registerId}
            onChange={setRegisterId}
            clearable
            w={200}
            data-testid="cash-sessions-register"
          />
          <Select
            label="Status"
            placeholder="Open or closed"
            data={STATUS_OPTIONS}
            value={status}
            onChange={(value) => setStatus(statusOf(value))}
            clearable
            w={170}
            data-testid="cash-sessions-status"
          />
          <DateRangeFilter from={from} to={to} onFromChange={setFrom} onToChange={setTo} testIdPrefix="cash-sessions" />
          {filtered ? <ClearFiltersButton onClick={clear} /> : null}
        </>
      }
      query={list}
      items={sessions}
      loadingLabel="Loading drawer sessions…"
      empty={{
        icon: <IconCashRegister size={28} />,
        title: filtered ? 'No session matches' : 'No drawer sessions yet',
        description: filtered ? 'Try another register, status or dates.' : 'A session starts when a drawer is opened with a float.',
      }}
      columns={COLUMNS}
      minWidth={900}
      renderRow={(session) => (
        <CashSessionRow
          key={session.id}
          session={session}
          registerName={registerName(session.register_id)}
          openedBy={whoOf(session.opened_by)}
          onOpen={() => setOpenId(session.id)}
        />
      )}
      countLabel={(count) => countLabel(count, 'session')}
    >
      <CashReportModal sessionId={openId} onClose={() => setOpenId(null)} />
    </ListPage>
  );
}
