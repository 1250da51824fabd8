import { Button, Group } from '@mantine/core';
import { IconDialpadOff, IconLockOpen, IconPencil, IconTrash, IconUserCheck, IconUserOff, IconUserShield } from '@tabler/icons-react';
import type { UserDto } from '../../../../shared/schemas/users';
import { RowAction } from '../../components/RowAction';
import { fullName } from '../../lib/names';
import { hasPinOf } from '../../lib/pin-state';

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
  onClearPin: () => void;
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
  onClearPin,
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
      <RowAction
        tooltip="Edit"
        label={`Edit ${name}`}
        icon={<IconPencil size={18} />}
        onClick={onEdit}
        testId={`action-edit-${user.username}`}
      />
      {canManage ? (
        <>
          <RowAction
            tooltip="Change role"
            label={`Change the role of ${name}`}
            icon={<IconUserShield size={18} />}
            onClick={onRole}
            testId={`action-role-${user.username}`}
          />
          {!hasPinOf(user) ? null : (
            <RowAction
              tooltip="Clear PIN"
              label={`Clear the till PIN of ${name}`}
              icon={<IconDialpadOff size={18} />}
              onClick={onClearPin}
              testId={`action-clear-pin-${user.username}`}
            />
          )}
          {user.is_active ? (
            <RowAction
              tooltip="Deactivate"
              label={`Deactivate ${name}`}
              icon={<IconUserOff size={18} />}
              onClick={onDeactivate}
              testId={`action-deactivate-${user.username}`}
              action="deactivate"
            />
          ) : (
            <RowAction
              tooltip="Activate"
              label={`Activate ${name}`}
              icon={<IconUserCheck size={18} />}
              onClick={onActivate}
              loading={busy}
              color="teal"
              testId={`action-deactivate-${user.username}`}
              action="activate"
            />
          )}
          <RowAction
            tooltip="Delete"
            label={`Delete ${name}`}
            icon={<IconTrash size={18} />}
            onClick={onDelete}
            color="red"
            testId={`action-delete-${user.username}`}
          />
        </>
      ) : null}
    </Group>
  );
}
