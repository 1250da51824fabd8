import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { BackupSettingsDto } from '../../../../shared/schemas/backups';
import { shopClockFormat } from '../../lib/dates';
import { BACKUP_WHEN_FORMAT } from './backup-text';

/**
 * The last copy to the second folder, when it failed: in red until a copy works again, so an
 * unplugged stick or a full share is never a silent loss of the off-machine copy.
 */
export function SecondFolderAlert({ settings }: { settings: BackupSettingsDto }) {
  const status = settings.second_folder_status;
  if (!status || status.ok || settings.second_folder === '') return null;
  const when = status.at ? shopClockFormat(BACKUP_WHEN_FORMAT).format(new Date(status.at)) : null;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      icon={<IconAlertTriangle size={18} aria-hidden />}
      title="The last backup was not copied to the second folder"
      data-testid="backup-second-folder-failed"
    >
      <Text size="sm">
        {status.file ? `${status.file} ` : 'The backup '}could not be copied to {settings.second_folder}
        {when ? ` (${when})` : ''}: {status.error ?? 'no reason given'}.
      </Text>
      <Text size="sm" mt={4}>
        The backup itself is kept on this computer. Plug in the drive or check the folder, then back up now to try again.
      </Text>
    </Alert>
  );
}
