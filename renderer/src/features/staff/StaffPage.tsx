import { ActionIcon, Avatar, Badge, Button, Card, EmptyState, Group, Loader, SegmentedControl, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconLock,
  IconLockOpen,
  IconPencil,
  IconUserCheck,
  IconUserOff,
  IconSearch,
  IconTrash,
  IconUserPlus,
  IconUsers,
  IconUserShield,
} from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { isOneOf, ROLE_KEYS, ROLE_NAMES, WORKER_ROLES, type RoleKey } from '../../../../shared/roles';
import type { UserDto } from '../../../../shared/schemas/users';
import { PageHeader } from '../../components/PageHeader';
import { PageError, PageLoader } from '../../components/PageStates';
import { RoleBadge } from '../../components/RoleBadge';
import { fullName, initials } from '../../lib/names';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC, useTRPCClient } from '../../trpc/client';
import { ConfirmDialog } from './ConfirmDialog';
import { useCursorPages } from './use-cursor-pages';
import { RoleDialog } from './RoleDialog';
import { useManagers, usePeopleNames, useRefreshPeople } from './use-people';
import { CreateUserDialog, EditUserDialog } from './UserDialog';
import { LoadMoreFooter } from '../../components/LoadMoreFooter';

const PAGE_SIZE = 50;

type Status = 'all' | 'active' | 'inactive';
type Pending = { kind: 'deactivate' | 'delete'; user: UserDto } | null;

function Missing() {
  return (
    <Text span size="sm" c="dimmed">
      —
    </Text>
  );
}

interface RowActionsProps {
  user: UserDto;
  canManage: boolean;
  busy: boolean;
  onEdit: () => void;
  onUnlock: () => void;
  onRole: () => void;
  onDeactivate: () => void;
  onActivate: () => void;
  onDelete: () => void;
}

function RowActions({ user, canManage, busy, onEdit, onUnlock, onRole, onDeactivate, onActivate, onDelete }: RowActionsProps) {
  const name = fullName(user);
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {canManage && user.is_locked ? (
        <Button size="compact-xs" variant="light" color="orange" leftSection={<IconLockOpen size={14} />} onClick={onUnlock} loading={busy} data-testid={`action-unlock-${user.username}`} aria-label={`Unlock ${name}`}>
          Unlock
        </Button>
      ) : null}
      <Tooltip label="Edit" withArrow>
        <ActionIcon variant="subtle" color="gray" onClick={onEdit} aria-label={`Edit ${name}`} data-testid={`action-edit-${user.username}`}>
          <IconPencil size={18} />
        </ActionIcon>
      </Tooltip>
      {canManage ? (
        <>
          <Tooltip label="Change role" withArrow>
            <ActionIcon variant="subtle" color="gray" onClick={onRole} aria-label={`Change the role of ${name}`} data-testid={`action-role-${user.username}`}>
              <IconUserShield size={18} />
            </ActionIcon>
          </Tooltip>
          {user.is_active ? (
            <Tooltip label="Deactivate" withArrow>
              <ActionIcon variant="subtle" color="gray" onClick={onDeactivate} aria-label={`Deactivate ${name}`} data-testid={`action-deactivate-${user.username}`} data-action="deactivate">
                <IconUserOff size={18} />
              </ActionIcon>
            </Tooltip>
          ) : (
            <Tooltip label="Activate" withArrow>
              <ActionIcon variant="subtle" color="teal" onClick={onActivate} loading={busy} aria-label={`Activate ${name}`} data-testid={`action-deactivate-${user.username}`} data-action="activate">
                <IconUserCheck size={18} />
              </ActionIcon>
            </Tooltip>
          )}
          <Tooltip label="Delete" withArrow>
            <ActionIcon variant="subtle" color="red" onClick={onDelete} aria-label={`Delete ${name}`} data-testid={`action-delete-${user.username}`}>
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </>
      ) : null}
    </Group>
  );
}

/** Staff accounts: the Super Admin sees everyone, a manager their own workers. */
export default function StaffPage({ user: actor }: { user: UserDto }) {
  const trpc = useTRPC();
  const refresh = useRefreshPeople();
  const isAdmin = actor.role === 'super_admin';
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<RoleKey | null>(null);
  const [status, setStatus] = useState<Status>('all');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserDto | null>(null);
  const [changingRole, setChangingRole] = useState<UserDto | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  // What the confirmation is about stays readable while the dialog fades out.
  const lastPending = useRef(pending);
  if (pending) lastPending.current = pending;
  const asked = pending ?? lastPending.current;

  const client = useTRPCClient();
  const filters = {
    limit: PAGE_SIZE,
    ...(q ? { q } : {}),
    ...(role ? { role } : {}),
    ...(status === 'all' ? {} : { is_active: status === 'active' ? ('true' as const) : ('false' as const) }),
  };
  const list = useCursorPages(trpc.users.list.infiniteQueryKey(filters), (cursor) => client.users.list.query({ ...filters, cursor }));
  // A manager's list holds themself too; this page is about their workers.
  const people = (list.data?.pages.flatMap((page) => page.items) ?? []).filter((u) => isAdmin || u.id !== actor.id);

  const { managers } = useManagers(actor);
  const managerIds = people.filter((u) => u.manager_id !== null).map((u) => u.manager_id as number);
  const nameOf = usePeopleNames([...managers, ...people], managerIds);

  const done = async (message: string, title: string) => {
    notifySuccess(message, title);
    setPending(null);
    await refresh();
  };
  const unlock = useMutation(
    trpc.users.unlock.mutationOptions({
      onMutate: ({ id }) => setBusyId(id),
      onSettled: () => setBusyId(null),
      onSuccess: (u) => done(`${fullName(u)} can sign in again.`, 'Account unlocked'),
      onError: (err) => notifyFailure(err, 'Could not unlock the account'),
    }),
  );
  const setActive = useMutation(
    trpc.users.update.mutationOptions({
      onMutate: ({ id }) => setBusyId(id),
      onSettled: () => setBusyId(null),
      onSuccess: (u) =>
        done(
          u.is_active ? `${fullName(u)} can sign in again.` : `${fullName(u)} can no longer sign in; their sign-ins have ended.`,
          u.is_active ? 'Account activated' : 'Account deactivated',
        ),
      onError: (err) => notifyFailure(err, 'Could not change the account'),
    }),
  );
  const remove = useMutation(
    trpc.users.remove.mutationOptions({
      onSuccess: (_, { id }) => {
        const gone = pending?.user;
        return done(gone && gone.id === id ? `${fullName(gone)} is deleted.` : 'The account is deleted.', 'Account deleted');
      },
      onError: (err) => notifyFailure(err, 'Could not delete the account'),
    }),
  );

  const filtered = q !== '' || role !== null || status !== 'all';
  const roleChoices: readonly RoleKey[] = isAdmin ? ROLE_KEYS : WORKER_ROLES;

  return (
    <div data-testid="staff-page">
      <PageHeader
        title="Staff"
        description={
          isAdmin
            ? 'Every account in the shop: create, edit, unlock, change roles, deactivate.'
            : 'Your workers: add attendants and cashiers, edit them, unlock them, deactivate them.'
        }
        actions={
          <Button leftSection={<IconUserPlus size={18} />} onClick={() => setCreating(true)} data-testid="staff-create">
            {isAdmin ? 'Add account' : 'Add worker'}
          </Button>
        }
      />
      <Card p={0}>
        <Group p="md" gap="sm" wrap="wrap" align="flex-end">
          <TextInput
            placeholder="Search by name, username, email or phone"
            aria-label="Search staff"
            leftSection={<IconSearch size={16} />}
            rightSection={search.trim() !== q || (list.isFetching && !list.isFetchingNextPage && !list.isPending) ? <Loader size={14} /> : null}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            style={{ flex: '1 1 280px' }}
            maw={420}
            data-testid="staff-search"
          />
          <Select
            aria-label="Role"
            placeholder="All roles"
            data={roleChoices.map((key) => ({ value: key, label: ROLE_NAMES[key] }))}
            value={role}
            onChange={(value) => setRole(value as RoleKey | null)}
            clearable
            w={180}
            data-testid="staff-role-filter"
          />
          <SegmentedControl
            aria-label="Status"
            value={status}
            onChange={(value) => setStatus(value as Status)}
            data={[
              { value: 'all', label: 'All' },
              { value: 'active', label: 'Active' },
              { value: 'inactive', label: 'Inactive' },
            ]}
            data-testid="staff-status-filter"
          />
        </Group>
        {list.isPending ? (
          <PageLoader label="Loading staff…" />
        ) : list.isError ? (
          <Stack p="md">
            <PageError error={list.error} onRetry={() => void list.refetch()} />
          </Stack>
        ) : people.length === 0 ? (
          <EmptyState
            icon={<IconUsers size={28} />}
            withIndicatorBackground
            title={filtered ? 'Nobody matches' : isAdmin ? 'No accounts yet' : 'No workers yet'}
            description={
              filtered
                ? 'Try another search, role or status.'
                : isAdmin
                  ? 'Add the first staff account.'
                  : 'Attendants and cashiers you add become your workers.'
            }
            py="xl"
            data-testid="staff-empty"
          />
        ) : (
          <Table.ScrollContainer minWidth={940}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="staff-table" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col" w={150}>
                    Role
                  </Table.Th>
                  <Table.Th scope="col" w={160}>
                    Manager
                  </Table.Th>
                  <Table.Th scope="col">Contact</Table.Th>
                  <Table.Th scope="col" w={130}>
                    Status
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Actions
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.map((person) => {
                  const isSelf = person.id === actor.id;
                  const managerName = person.manager_id === null ? null : person.manager_id === actor.id ? `${fullName(actor)} (you)` : nameOf(person.manager_id);
                  return (
                    <Table.Tr key={person.id} data-testid={`staff-row-${person.username}`} data-locked={person.is_locked} data-active={person.is_active}>
                      <Table.Td>
                        <Group gap="sm" wrap="nowrap">
                          <Avatar radius="xl" size={36} color={person.is_active ? 'teal' : 'gray'}>
                            {initials(person)}
                          </Avatar>
                          <Stack gap={0} miw={0}>
                            <Text size="sm" fw={600} truncate c={person.is_active ? undefined : 'dimmed'}>
                              {fullName(person) || person.username}
                              {isSelf ? (
                                <Text span size="xs" c="dimmed" fw={400}>
                                  {' '}
                                  (you)
                                </Text>
                              ) : null}
                            </Text>
                            <Text size="xs" c="dimmed" truncate>
                              {person.username}
                            </Text>
                          </Stack>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <RoleBadge role={person.role} />
                      </Table.Td>
                      <Table.Td data-testid={`staff-manager-${person.username}`}>
                        {isOneOf(WORKER_ROLES, person.role) ? (
                          person.manager_id === null ? (
                            <Text size="sm" c="dimmed">
                              None
                            </Text>
                          ) : (
                            <Text size="sm" truncate maw={150}>
                              {managerName ?? '…'}
                            </Text>
                          )
                        ) : (
                          <Missing />
                        )}
                      </Table.Td>
                      <Table.Td>
                        {person.email || person.phone ? (
                          <Stack gap={0}>
                            {person.email ? (
                              <Text size="sm" truncate maw={220}>
                                {person.email}
                              </Text>
                            ) : null}
                            {person.phone ? (
                              <Text size="xs" c="dimmed">
                                {person.phone}
                              </Text>
                            ) : null}
                          </Stack>
                        ) : (
                          <Missing />
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={4} align="flex-start">
                          {person.is_active ? (
                            <Badge variant="dot" color="teal" radius="sm" tt="none" fw={500}>
                              Active
                            </Badge>
                          ) : (
                            <Badge variant="dot" color="gray" radius="sm" tt="none" fw={500}>
                              Inactive
                            </Badge>
                          )}
                          {person.is_locked ? (
                            <Badge color="red" variant="light" radius="sm" leftSection={<IconLock size={12} />} data-testid={`staff-locked-${person.username}`}>
                              Locked
                            </Badge>
                          ) : null}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <RowActions
                          user={person}
                          canManage={!isSelf}
                          busy={busyId === person.id}
                          onEdit={() => setEditing(person)}
                          onUnlock={() => unlock.mutate({ id: person.id })}
                          onRole={() => setChangingRole(person)}
                          onDeactivate={() => setPending({ kind: 'deactivate', user: person })}
                          onActivate={() => setActive.mutate({ id: person.id, changes: { is_active: true } })}
                          onDelete={() => setPending({ kind: 'delete', user: person })}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMoreFooter countLabel={list.data && people.length > 0 ? (people.length === 1 ? '1 account' : `${people.length} accounts`) : null} pages={list} testIdPrefix="staff" />
      </Card>

      <CreateUserDialog opened={creating} onClose={() => setCreating(false)} actor={actor} />
      <EditUserDialog user={editing} onClose={() => setEditing(null)} actor={actor} />
      <RoleDialog user={changingRole} onClose={() => setChangingRole(null)} actor={actor} />
      <ConfirmDialog
        opened={pending?.kind === 'deactivate'}
        title="Deactivate this account?"
        confirmLabel="Deactivate"
        danger
        loading={setActive.isPending}
        onCancel={() => setPending(null)}
        onConfirm={() => pending && setActive.mutate({ id: pending.user.id, changes: { is_active: false } })}
      >
        {asked ? (
          <>
            <b>{fullName(asked.user)}</b> ({asked.user.username}) will be signed out everywhere and cannot sign in until the account is
            activated again. Nothing else changes.
          </>
        ) : null}
      </ConfirmDialog>
      <ConfirmDialog
        opened={pending?.kind === 'delete'}
        title="Delete this account?"
        confirmLabel="Delete"
        danger
        loading={remove.isPending}
        onCancel={() => setPending(null)}
        onConfirm={() => pending && remove.mutate({ id: pending.user.id })}
      >
        {asked ? (
          <>
            <b>{fullName(asked.user)}</b> ({asked.user.username}) disappears from the lists and can no longer sign in. Their orders and
            history stay; the username stays taken.{' '}
            {asked.user.role === 'manager' ? 'Their workers will have no manager. ' : ''}This cannot be undone here.
          </>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
