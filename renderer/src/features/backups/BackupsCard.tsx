import { Button, Card, Divider, Group, Loader, Stack, Text } from '@mantine/core';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BackupDto, BackupSettingsDto } from '../../../../shared/schemas/backups';
import { PageError, PageLoader } from '../../components/PageStates';
import { useShopSettings } from '../../lib/shop-settings';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { SettingsHeading } from '../settings/SettingsCard';
import { BackupSettingsForm } from './BackupSettingsForm';
import { BackupsTable } from './BackupsTable';
import { RestoreBackupDialog } from './RestoreBackupDialog';
import { SecondFolderAlert } from './SecondFolderAlert';

const settingsKey = ({ time_of_day, keep_daily, keep_monthly, second_folder }: BackupSettingsDto) =>
  JSON.stringify([time_of_day, keep_daily, keep_monthly, second_folder]);

function useBackUpNow() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.backups.create.mutationOptions({
      onSuccess: (backup) => {
        if (backup.integrity === 'ok') notifySuccess(`Saved as ${backup.file}.`, 'Backed up');
        else notifyFailure(new Error(`${backup.file} failed its integrity check; back up again.`), 'The backup is damaged');
      },
      onError: (err) => notifyFailure(err, 'Could not back up'),
      // The second folder's outcome (and retention) changed with the new backup too.
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.backups.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.backups.settings.queryKey() }),
        ]),
    }),
  );
}

/**
 * The Super Admin's backups on the Shop page: the copies kept, "Back up now", the schedule and
 * the second folder (its failure in red), and, in the desktop app only, restoring one.
 */
export function BackupsCard() {
  const trpc = useTRPC();
  const list = useQuery(trpc.backups.list.queryOptions());
  const settings = useQuery(trpc.backups.settings.queryOptions());
  const canRestore = useQuery(trpc.backups.canRestore.queryOptions()).data === true;
  const shopName = useShopSettings()?.name ?? '';
  const backUpNow = useBackUpNow();
  const [restoring, setRestoring] = useState<BackupDto | null>(null);

  return (
    <Card data-testid="backups-card">
      <Stack gap="md">
        <SettingsHeading
          icon={<IconDatabaseExport size={20} aria-hidden />}
          title="Backups"
          description="Copies of the shop’s database, made every day and after each Z report while the shop keeps selling, each checked."
          status={
            <Button
              onClick={() => backUpNow.mutate()}
              loading={backUpNow.isPending}
              leftSection={<IconDatabaseExport size={18} aria-hidden />}
              data-testid="backup-now"
            >
              Back up now
            </Button>
          }
        />
        {backUpNow.isPending ? (
          <Group gap="xs" role="status" data-testid="backup-busy">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Backing up… On a large database this can take a while; the shop keeps selling meanwhile.
            </Text>
          </Group>
        ) : null}
        {settings.data ? <SecondFolderAlert settings={settings.data} /> : null}
        {list.isPending ? (
          <PageLoader label="Loading the backups…" />
        ) : list.isError ? (
          <PageError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <BackupsTable backups={list.data} onRestore={canRestore && shopName !== '' ? setRestoring : null} />
        )}
        <Divider />
        {settings.isPending ? (
          <PageLoader label="Loading the backup settings…" />
        ) : settings.isError ? (
          <PageError error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          // A save starts the form again from the server's answer; a backup's new second-folder outcome does not.
          <BackupSettingsForm key={settingsKey(settings.data)} saved={settings.data} />
        )}
      </Stack>
      {restoring ? <RestoreBackupDialog backup={restoring} shopName={shopName} onClose={() => setRestoring(null)} /> : null}
    </Card>
  );
}
