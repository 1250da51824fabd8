import { EmptyState, Select } from '@mantine/core';
import { IconCalendarOff, IconHistory } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { reachOf } from '../../../../shared/permissions';
import type { UserDto } from '../../../../shared/schemas/users';
import { ClearFiltersButton } from '../../components/ClearFiltersButton';
import { DateRangeFilter, isBackwardsRange } from '../../components/DateRangeFilter';
import { ListPage, type ListColumn } from '../../components/ListPage';
import { PersonSelect } from '../../components/PersonSelect';
import { countLabel, filledFilters, itemsOfPages } from '../../lib/cursor-pages';
import { fullName } from '../../lib/names';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useTRPC, useTRPCClient } from '../../trpc/client';
import { AuditEntryRow } from './AuditEntryRow';
import { actionFiltersFor } from './audit-filters';

const PAGE_SIZE = 50;

const COLUMNS: ListColumn[] = [{ label: 'When', width: 210 }, { label: 'Who', width: 200 }, { label: 'What' }];

const optionLabel = (user: UserDto) => `${fullName(user) || user.username} (${user.username})`;

/** The audit log: everything for the Super Admin, what concerns their workers for a manager. */
export default function AuditLogPage({ user: actor }: { user: UserDto }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const readsWholeLog = reachOf(actor.role, 'audit.read') === 'any';
  const listsEveryone = reachOf(actor.role, 'users.list') === 'any';
  const [person, setPerson] = useState<UserDto | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const badRange = isBackwardsRange(from, to);

  const filters = filledFilters({ limit: PAGE_SIZE, user_id: person?.id, action, from, to });
  const log = useCursorPages(
    trpc.audit.list.infiniteQueryKey(filters),
    (cursor) => client.audit.list.query({ ...filters, cursor }),
    !badRange,
  );

  // Manager ids in the diffs: the Super Admin's list of managers, a manager's own name.
  const managers = useQuery({ ...trpc.users.list.queryOptions({ role: 'manager', limit: 200 }), enabled: listsEveryone });
  const nameOf = (id: number) => {
    if (id === actor.id) return fullName(actor);
    const found = managers.data?.items.find((m) => m.id === id);
    return found ? fullName(found) : null;
  };

  const filtered = person !== null || action !== null || from !== '' || to !== '';
  const clear = () => {
    setPerson(null);
    setAction(null);
    setFrom('');
    setTo('');
  };

  return (
    <ListPage
      name="audit"
      title="Audit log"
      description={
        readsWholeLog
          ? 'Who changed what, and when: accounts, shifts, products, orders, policies and settings. Newest first.'
          : 'What happened to your workers’ accounts and shifts, and who did it. Newest first.'
      }
      filters={
        <>
          <PersonSelect
            label="Person"
            placeholder={readsWholeLog ? 'Anyone' : 'Any of your workers'}
            value={person}
            onChange={setPerson}
            optionLabel={optionLabel}
            // A manager reads entries about their workers, never about themself.
            hidden={readsWholeLog ? undefined : (u) => u.id === actor.id}
            testId="audit-person"
          />
          <Select
            label="Action"
            placeholder="Any action"
            data={actionFiltersFor(readsWholeLog)}
            value={action}
            onChange={setAction}
            clearable
            w={240}
            data-testid="audit-action"
          />
          <DateRangeFilter from={from} to={to} onFromChange={setFrom} onToChange={setTo} testIdPrefix="audit" />
          {filtered ? <ClearFiltersButton onClick={clear} mt={25} testId="audit-clear" /> : null}
        </>
      }
      // The filters have labels, and "To" may show an error below it: align the tops.
      filtersAlign="flex-start"
      query={log}
      items={itemsOfPages(log.data)}
      loadingLabel="Loading the audit log…"
      blocked={
        badRange ? (
          <EmptyState
            icon={<IconCalendarOff size={28} />}
            withIndicatorBackground
            title="No such date range"
            description="“To” is before “From”: change one of them."
            py="xl"
            data-testid="audit-bad-range"
          />
        ) : undefined
      }
      empty={{
        icon: <IconHistory size={28} />,
        title: filtered ? 'Nothing matches' : 'Nothing logged yet',
        description: filtered
          ? 'Try another person, action or date range.'
          : readsWholeLog
            ? 'Changes to accounts, shifts, products, orders, policies and settings appear here.'
            : 'Changes to your workers’ accounts and shifts appear here.',
      }}
      columns={COLUMNS}
      minWidth={860}
      highlightOnHover={false}
      renderRow={(entry) => <AuditEntryRow key={entry.id} entry={entry} nameOf={nameOf} />}
      countLabel={(count) => countLabel(count, 'entry', 'entries')}
      moreHint="shown, older ones to load"
      loadMoreErrorText="The older entries could not be loaded. Try again."
    />
  );
}
