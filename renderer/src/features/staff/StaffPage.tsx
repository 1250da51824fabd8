import { Button, SegmentedControl, Select } from '@mantine/core';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { reachOf } from '../../../../shared/permissions';
import { isRoleKey, ROLE_KEYS, ROLE_NAMES, WORKER_ROLES, type RoleKey } from '../../../../shared/roles';
import type { UserDto } from '../../../../shared/schemas/users';
import { ListPage, type ListColumn } from '../../components/ListPage';
import { isRefetching, SearchField, useDebouncedSearch } from '../../components/SearchField';
import { countLabel, filledFilters, itemsOfPages } from '../../lib/cursor-pages';
import { fullName } from '../../lib/names';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { usePeopleNames } from '../../lib/use-people-names';
import { useTRPC, useTRPCClient } from '../../trpc/client';
import { AccountConfirmDialogs } from './AccountConfirmDialogs';
import { CreateUserDialog } from './CreateUserDialog';
import { EditUserDialog } from './EditUserDialog';
import { RoleDialog } from './RoleDialog';
import { StaffRow } from './StaffRow';
import { useAccountActions } from './use-account-actions';
import { useManagers } from './use-people';

const PAGE_SIZE = 50;

const STATUSES = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'inactive', label: 'Inactive' },
] as const;
type Status = (typeof STATUSES)[number]['value'];
const isStatus = (value: string): value is Status => STATUSES.some((s) => s.value === value);

const COLUMNS: ListColumn[] = [
  { label: 'Name' },
  { label: 'Role', width: 150 },
  { label: 'Manager', width: 160 },
  { label: 'Contact' },
  { label: 'Status', width: 130 },
  { label: 'Actions', align: 'right' },
];

/** Staff accounts: the Super Admin sees everyone, a manager their own workers. */
export default function StaffPage({ user: actor }: { user: UserDto }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const seesEveryone = reachOf(actor.role, 'users.list') === 'any';
  const search = useDebouncedSearch(300);
  const [role, setRole] = useState<RoleKey | null>(null);
  const [status, setStatus] = useState<Status>('all');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserDto | null>(null);
  const [changingRole, setChangingRole] = useState<UserDto | null>(null);
  const actions = useAccountActions();

  const filters = filledFilters({
    limit: PAGE_SIZE,
    q: search.query,
    role,
    is_active: status === 'all' ? null : status === 'active' ? ('true' as const) : ('false' as const),
  });
  const list = useCursorPages(trpc.users.list.infiniteQueryKey(filters), (cursor) => client.users.list.query({ ...filters, cursor }));
  // A manager's list holds themself too; this page is about their workers.
  const people = itemsOfPages(list.data).filter((u) => seesEveryone || u.id !== actor.id);

  const { managers } = useManagers(actor);
  const managerIds = people.flatMap((u) => (u.manager_id === null ? [] : [u.manager_id]));
  const nameOf = usePeopleNames([...managers, ...people], managerIds);
  const managerNameOf = (person: UserDto) =>
    person.manager_id === null ? null : person.manager_id === actor.id ? `${fullName(actor)} (you)` : nameOf(person.manager_id);

  const filtered = search.query !== '' || role !== null || status !== 'all';
  const roleChoices: readonly RoleKey[] = seesEveryone ? ROLE_KEYS : WORKER_ROLES;

  return (
    <ListPage
      name="staff"
      title="Staff"
      description={
        seesEveryone
          ? 'Every account in the shop: create, edit, unlock, change roles, deactivate.'
          : 'Your workers: add attendants and cashiers, edit them, unlock them, deactivate them.'
      }
      actions={
        <Button leftSection={<IconUserPlus size={18} />} onClick={() => setCreating(true)} data-testid="staff-create">
          {seesEveryone ? 'Add account' : 'Add worker'}
        </Button>
      }
      filters={
        <>
          <SearchField
            value={search.text}
            onChange={search.setText}
            searching={search.typing || isRefetching(list)}
            placeholder="Search by name, username, email or phone"
            label="Search staff"
            testId="staff-search"
          />
          <Select
            aria-label="Role"
            placeholder="All roles"
            data={roleChoices.map((key) => ({ value: key, label: ROLE_NAMES[key] }))}
            value={role}
            onChange={(value) => setRole(value !== null && isRoleKey(value) ? value : null)}
            clearable
            w={180}
            data-testid="staff-role-filter"
          />
          <SegmentedControl
            aria-label="Status"
            value={status}
            onChange={(value) => isStatus(value) && setStatus(value)}
            data={[...STATUSES]}
            data-testid="staff-status-filter"
          />
        </>
      }
      query={list}
      items={people}
      loadingLabel="Loading staff…"
      empty={{
        icon: <IconUsers size={28} />,
        title: filtered ? 'Nobody matches' : seesEveryone ? 'No accounts yet' : 'No workers yet',
        description: filtered
          ? 'Try another search, role or status.'
          : seesEveryone
            ? 'Add the first staff account.'
            : 'Attendants and cashiers you add become your workers.',
      }}
      columns={COLUMNS}
      minWidth={940}
      renderRow={(person) => (
        <StaffRow
          key={person.id}
          person={person}
          isSelf={person.id === actor.id}
          managerName={managerNameOf(person)}
          actions={actions}
          onEdit={() => setEditing(person)}
          onRole={() => setChangingRole(person)}
        />
      )}
      countLabel={(count) => countLabel(count, 'account')}
    >
      <CreateUserDialog opened={creating} onClose={() => setCreating(false)} actor={actor} />
      <EditUserDialog user={editing} onClose={() => setEditing(null)} actor={actor} />
      <RoleDialog user={changingRole} onClose={() => setChangingRole(null)} actor={actor} />
      <AccountConfirmDialogs actions={actions} />
    </ListPage>
  );
}
