import { Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MAX_KEEP_DAILY, MAX_KEEP_MONTHLY, type BackupSettingsDto, type BackupSettingsInput } from '../../../../shared/schemas/backups';
import { FormError } from '../../components/FormError';
import { apiErrorOf, formErrorOf } from '../../lib/api-error';
import { shopClockFormat } from '../../lib/dates';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { SettingsFormFooter } from '../settings/SettingsFormFooter';
import { BACKUP_WHEN_FORMAT } from './backup-text';

interface Values {
  time_of_day: string;
  keep_daily: number | string;
  keep_monthly: number | string;
  second_folder: string;
}

const valuesOf = (saved: BackupSettingsDto): Values => ({
  time_of_day: saved.time_of_day,
  keep_daily: saved.keep_daily,
  keep_monthly: saved.keep_monthly,
  second_folder: saved.second_folder,
});

const wholeNumber = (value: number | string) => (value === '' || !Number.isInteger(Number(value)) ? 'A whole number.' : null);

/** Where the last copy to the second folder went, when it worked (a failure is the red alert above). */
function LastCopy({ saved }: { saved: BackupSettingsDto }) {
  const status = saved.second_folder_status;
  if (!status?.ok || !status.at || saved.second_folder === '') return null;
  return (
    <Text size="xs" c="dimmed" data-testid="backup-second-folder-ok">
      Last copied there: {status.file} ({shopClockFormat(BACKUP_WHEN_FORMAT).format(new Date(status.at))})
    </Text>
  );
}

/** The daily backup's time, how many are kept, and the second folder; the server checks each field. */
export function BackupSettingsForm({ saved }: { saved: BackupSettingsDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: valuesOf(saved),
    validate: { keep_daily: wholeNumber, keep_monthly: wholeNumber },
  });

  const save = useMutation(
    trpc.backups.updateSettings.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.backups.settings.queryKey(), next);
        notifySuccess('The backup settings are saved.');
      },
      onError: (err) => {
        setFormError(formErrorOf(form, err));
        if (!apiErrorOf(err)) notifyFailure(err, 'Could not save the backup settings');
      },
    }),
  );

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const changes: BackupSettingsInput = {
      time_of_day: values.time_of_day.trim(),
      keep_daily: Number(values.keep_daily),
      keep_monthly: Number(values.keep_monthly),
      second_folder: values.second_folder.trim(),
    };
    save.mutate(changes);
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Backup settings">
      <Stack gap="md">
        <FormError message={formError} />
        <Group grow align="flex-start">
          <TextInput
            label="Daily backup at"
            description="Shop time, 24 hours (HH:MM)"
            placeholder="03:00"
            autoComplete="off"
            {...form.getInputProps('time_of_day')}
            data-testid="backup-time-of-day"
          />
          <NumberInput
            label="Keep daily backups"
            description="The newest, one a day"
            min={1}
            max={MAX_KEEP_DAILY}
            allowDecimal={false}
            {...form.getInputProps('keep_daily')}
            data-testid="backup-keep-daily"
          />
          <NumberInput
            label="Keep monthly backups"
            description="The first of each month"
            min={0}
            max={MAX_KEEP_MONTHLY}
            allowDecimal={false}
            {...form.getInputProps('keep_monthly')}
            data-testid="backup-keep-monthly"
          />
        </Group>
        <Stack gap={4}>
          <TextInput
            label="Second folder"
            description="A USB stick or a network share; every backup is copied there too. Leave empty for none."
            placeholder="/media/usb/shopdesk-backups"
            spellCheck={false}
            autoComplete="off"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.getInputProps('second_folder')}
            data-testid="backup-second-folder"
          />
          <LastCopy saved={saved} />
        </Stack>
        <SettingsFormFooter dirty={form.isDirty()} saving={save.isPending} onUndo={() => form.reset()} saveTestId="backup-settings-save" />
      </Stack>
    </form>
  );
}
