import { ActionIcon, Button, Group, Tooltip } from '@mantine/core';
import { IconLockOpen, IconPencil, IconTrash, IconUserCheck, IconUserOff, IconUserShield } from '@tabler/icons-react';
import type { UserDto } from '../../../../shared/schemas/users';
import { fullName } from '../../lib/names';

interface StaffRowActionsProps {
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

/** The buttons at the end of a staff row; only edit on one's own account. */
export function StaffRowActions({
  user,
  canManage,
  busy,
  onEdit,
  onUnlock,
  onRole,
  onDeactivate,
  onActivate,
  onDelete,
}: StaffRowActionsProps) {
  const name = fullName(user);
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {canManage && user.is_locked ? (
        <Button
          size="compact-xs"
          variant="light"
          color="orange"
          leftSection={<IconLockOpen size={14} />}
          onClick={onUnlock}
          loading={busy}
          data-testid={`action-unlock-${user.username}`}
          aria-label={`Unlock ${name}`}
        >
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
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={onRole}
              aria-label={`Change the role of ${name}`}
              data-testid={`action-role-${user.username}`}
            >
              <IconUserShield size={18} />
            </ActionIcon>
          </Tooltip>
          {user.is_active ? (
            <Tooltip label="Deactivate" withArrow>
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={onDeactivate}
                aria-label={`Deactivate ${name}`}
                data-testid={`action-deactivate-${user.username}`}
                data-action="deactivate"
              >
                <IconUserOff size={18} />
              </ActionIcon>
            </Tooltip>
          ) : (
            <Tooltip label="Activate" withArrow>
              <ActionIcon
                variant="subtle"
                color="teal"
                onClick={onActivate}
                loading={busy}
                aria-label={`Activate ${name}`}
                data-testid={`action-deactivate-${user.username}`}
                data-action="activate"
              >
                <IconUserCheck size={18} />
              </ActionIcon>
            </Tooltip>
          )}
          <Tooltip label="Delete" withArrow>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={onDelete}
              aria-label={`Delete ${name}`}
              data-testid={`action-delete-${user.username}`}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </>
      ) : null}
    </Group>
  );
}
