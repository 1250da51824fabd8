import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { BackupDto } from '../../../../shared/schemas/backups';
import { FormError } from '../../components/FormError';
import { errorMessageOf } from '../../lib/api-error';
import { shopClockFormat } from '../../lib/dates';
import { useTRPC } from '../../trpc/client';
import { BACKUP_WHEN_FORMAT } from './backup-text';

interface RestoreBackupDialogProps {
  backup: BackupDto;
  shopName: string;
  onClose: () => void;
}

/**
 * The desktop app's restore: what will happen, and the shop's name typed exactly before the
 * button wakes up, since the shop's data since that backup is set aside.
 */
export function RestoreBackupDialog({ backup, shopName, onClose }: RestoreBackupDialogProps) {
  const trpc = useTRPC();
  const [typed, setTyped] = useState('');
  const restore = useMutation(trpc.backups.restore.mutationOptions());
  const when = shopClockFormat(BACKUP_WHEN_FORMAT).format(new Date(backup.created_at));
  const confirmed = typed === shopName;
  const done = restore.isSuccess;

  return (
    <Modal
      opened
      onClose={restore.isPending || done ? () => undefined : onClose}
      withCloseButton={!restore.isPending && !done}
      title={`Restore the backup of ${when}?`}
      centered
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <Stack gap="md" data-testid="restore-dialog">
        {done ? (
          <Alert color="teal" variant="light" role="status" data-testid="restore-done">
            Restored. ShopDesk restarts on the backup now; sign in again.
            {restore.data.safety_backup ? ` The data as it was is kept as ${restore.data.safety_backup}.` : ''}
          </Alert>
        ) : (
          <>
            <List size="sm" spacing={4}>
              <List.Item>The current data is backed up first (“Before a restore”), so nothing is lost for good.</List.Item>
              <List.Item>The backup is checked before it replaces anything; a damaged one is refused.</List.Item>
              <List.Item>
                The app restarts on the backup: sales, stock and changes made after {when} are no longer in it, and everyone signs in again.
              </List.Item>
            </List>
            <TextInput
              label={`Type the shop’s name, ${shopName}, to confirm`}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              autoComplete="off"
              spellCheck={false}
              disabled={restore.isPending}
              data-autofocus
              data-testid="restore-shop-name"
            />
            <FormError message={restore.isError ? errorMessageOf(restore.error) : null} />
            {restore.isPending ? (
              <Text size="sm" c="dimmed" role="status">
                Restoring: ShopDesk closes the database, keeps a copy of it and checks the backup…
              </Text>
            ) : null}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose} disabled={restore.isPending}>
                Cancel
              </Button>
              <Button
                color="red"
                disabled={!confirmed}
                loading={restore.isPending}
                onClick={() => restore.mutate({ id: backup.id })}
                data-testid="restore-confirm"
              >
                Restore and restart
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
