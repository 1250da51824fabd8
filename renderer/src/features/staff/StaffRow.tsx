import { Avatar, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { isOneOf, WORKER_ROLES } from '../../../../shared/roles';
import type { UserDto } from '../../../../shared/schemas/users';
import { ActiveBadge } from '../../components/ActiveBadge';
import { Missing } from '../../components/Missing';
import { RoleBadge } from '../../components/RoleBadge';
import { fullName, initials } from '../../lib/names';
import type { AccountActions } from './use-account-actions';
import { StaffRowActions } from './StaffRowActions';

function NameCell({ person, isSelf }: { person: UserDto; isSelf: boolean }) {
  return (
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
  );
}

function ManagerCell({ person, managerName }: { person: UserDto; managerName: string | null }) {
  if (!isOneOf(WORKER_ROLES, person.role)) return <Missing />;
  if (person.manager_id === null) {
    return (
      <Text size="sm" c="dimmed">
        None
      </Text>
    );
  }
  return (
    <Text size="sm" truncate maw={150}>
      {managerName ?? '…'}
    </Text>
  );
}

function ContactCell({ person }: { person: UserDto }) {
  if (!person.email && !person.phone) return <Missing />;
  return (
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
  );
}

function StatusCell({ person }: { person: UserDto }) {
  return (
    <Stack gap={4} align="flex-start">
      <ActiveBadge active={person.is_active} />
      {person.is_locked ? (
        <Badge color="red" variant="light" radius="sm" leftSection={<IconLock size={12} />} data-testid={`staff-locked-${person.username}`}>
          Locked
        </Badge>
      ) : null}
    </Stack>
  );
}

interface StaffRowProps {
  person: UserDto;
  isSelf: boolean;
  managerName: string | null;
  actions: AccountActions;
  onEdit: () => void;
  onRole: () => void;
}

/** One account of the staff list. */
export function StaffRow({ person, isSelf, managerName, actions, onEdit, onRole }: StaffRowProps) {
  return (
    <Table.Tr data-testid={`staff-row-${person.username}`} data-locked={person.is_locked} data-active={person.is_active}>
      <Table.Td>
        <NameCell person={person} isSelf={isSelf} />
      </Table.Td>
      <Table.Td>
        <RoleBadge role={person.role} />
      </Table.Td>
      <Table.Td data-testid={`staff-manager-${person.username}`}>
        <ManagerCell person={person} managerName={managerName} />
      </Table.Td>
      <Table.Td>
        <ContactCell person={person} />
      </Table.Td>
      <Table.Td>
        <StatusCell person={person} />
      </Table.Td>
      <Table.Td>
        <StaffRowActions
          user={person}
          canManage={!isSelf}
          busy={actions.busyId === person.id}
          onEdit={onEdit}
          onUnlock={() => actions.unlock(person)}
          onRole={onRole}
          onDeactivate={() => actions.ask({ kind: 'deactivate', user: person })}
          onActivate={() => actions.activate(person)}
          onDelete={() => actions.ask({ kind: 'delete', user: person })}
          onClearPin={() => actions.ask({ kind: 'clear_pin', user: person })}
        />
      </Table.Td>
    </Table.Tr>
  );
}
