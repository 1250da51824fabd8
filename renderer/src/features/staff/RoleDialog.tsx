import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { reachOf } from '../../../../shared/permissions';
import { isOneOf, isRoleKey, MANAGER_ROLES, ROLE_KEYS, ROLE_NAMES, WORKER_ROLES, type RoleKey } from '../../../../shared/roles';
import type { UserDto } from '../../../../shared/schemas/users';
import { FormError } from '../../components/FormError';
import { RoleBadge } from '../../components/RoleBadge';
import { errorMessageOf } from '../../lib/api-error';
import { fullName } from '../../lib/names';
import { notifySuccess } from '../../lib/notify';
import { useLingering } from '../../lib/use-lingering';
import { useTRPC } from '../../trpc/client';
import { useRefreshPeople } from './use-people';

/** What the new role means for the account's manager and workers (docs/api.md, Users). */
function consequence(from: RoleKey, to: RoleKey): string | null {
  if (from === to) return null;
  const notes: string[] = [];
  if (isOneOf(WORKER_ROLES, to))
    notes.push(isOneOf(WORKER_ROLES, from) ? 'They keep their manager.' : 'They will have no manager until you choose one in Edit.');
  else if (isOneOf(WORKER_ROLES, from)) notes.push('They will no longer have a manager.');
  if (isOneOf(MANAGER_ROLES, from) && !isOneOf(MANAGER_ROLES, to)) notes.push('Their workers will have no manager.');
  notes.push(`Their password must meet the ${ROLE_NAMES[to]} policy the next time it changes.`);
  return notes.join(' ');
}

function RoleForm({ actor, user, onClose }: { actor: UserDto; user: UserDto; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshPeople();
  const [role, setRole] = useState<RoleKey>(user.role);
  // Within `own_workers` a worker stays a worker (shared/permissions.ts).
  const choices: readonly RoleKey[] = reachOf(actor.role, 'users.assign_role') === 'own_workers' ? WORKER_ROLES : ROLE_KEYS;
  const assign = useMutation(
    trpc.users.assignRole.mutationOptions({
      onSuccess: async (saved) => {
        notifySuccess(`${fullName(saved)} is now ${saved.role === 'attendant' ? 'an' : 'a'} ${ROLE_NAMES[saved.role]}.`, 'Role changed');
        onClose();
        await refresh();
      },
    }),
  );
  const note = consequence(user.role, role);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        assign.mutate({ id: user.id, role });
      }}
      aria-label={`Change the role of ${fullName(user)}`}
    >
      <Stack gap="md">
        <FormError message={assign.isError ? errorMessageOf(assign.error) : null} />
        <Group gap="xs">
          <Text size="sm">Current role:</Text>
          <RoleBadge role={user.role} />
        </Group>
        <Select
          label="New role"
          data={choices.map((key) => ({ value: key, label: ROLE_NAMES[key] }))}
          value={role}
          onChange={(value) => {
            if (value !== null && isRoleKey(value)) setRole(value);
          }}
          allowDeselect={false}
          data-autofocus
          data-testid="role-select"
        />
        {note ? (
          <Alert variant="light" color="blue" icon={<IconInfoCircle />}>
            {note}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={role === user.role} loading={assign.isPending} data-testid="role-submit">
            Change role
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function RoleDialog({ actor, user, onClose }: { actor: UserDto; user: UserDto | null; onClose: () => void }) {
  const shown = useLingering(user);
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={shown ? `Change the role of ${fullName(shown)}` : 'Change role'}
      size="md"
      centered
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <div data-testid="role-dialog">{shown ? <RoleForm key={shown.id} actor={actor} user={shown} onClose={onClose} /> : null}</div>
    </Modal>
  );
}
