import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconClockEdit } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TimeEntryDto } from '../../../../shared/schemas/time-entries';
import { FormError } from '../../components/FormError';
import { apiErrorOf, errorMessageOf } from '../../lib/api-error';
import { formatLongDay, shopTimeZone } from '../../lib/dates';
import { notifySuccess } from '../../lib/notify';
import { useLingering } from '../../lib/use-lingering';
import { useTRPC } from '../../trpc/client';
import { fromShopDateTime, toShopDateTime } from './shop-datetime';

interface CorrectEntryDialogProps {
  /** The entry to correct; null when the dialog is shut. */
  entry: TimeEntryDto | null;
  personName: string;
  onClose: () => void;
}

type Errors = { clock_in?: string; clock_out?: string; reason?: string; form?: string };

function CorrectForm({ entry, personName, onClose }: { entry: TimeEntryDto; personName: string; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const zone = shopTimeZone();
  const initialIn = toShopDateTime(entry.clock_in, zone);
  const initialOut = entry.clock_out ? toShopDateTime(entry.clock_out, zone) : '';
  const [clockIn, setClockIn] = useState(initialIn);
  const [clockOut, setClockOut] = useState(initialOut);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const correct = useMutation(
    trpc.timeClock.correct.mutationOptions({
      onSuccess: async () => {
        notifySuccess(`The entry of ${personName} on ${formatLongDay(entry.date)} is corrected.`, 'Times corrected');
        onClose();
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.timeClock.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
        ]);
      },
      onError: (error) => {
        const fields = apiErrorOf(error)?.fields ?? {};
        const fieldText = (key: string) => fields[`changes.${key}`]?.join(' ') ?? fields[key]?.join(' ');
        const found = { clock_in: fieldText('clock_in'), clock_out: fieldText('clock_out'), reason: fieldText('reason') };
        setErrors({ ...found, form: found.clock_in || found.clock_out || found.reason ? undefined : errorMessageOf(error) });
      },
    }),
  );

  const submit = () => {
    const inChanged = clockIn !== initialIn;
    const outChanged = clockOut !== initialOut;
    const inIso = inChanged ? fromShopDateTime(clockIn, zone) : null;
    const outIso = outChanged ? fromShopDateTime(clockOut, zone) : null;
    const found: Errors = {
      clock_in: inChanged && inIso === null ? 'Enter the date and time of the clock-in.' : undefined,
      clock_out:
        outChanged && outIso === null
          ? entry.clock_out
            ? 'Enter the date and time of the clock-out; an entry is never reopened.'
            : 'Enter the date and time of the clock-out.'
          : undefined,
      reason: reason.trim() === '' ? 'Say why the times are corrected.' : undefined,
    };
    if (!inChanged && !outChanged) found.clock_in = 'Change the clock-in, the clock-out or both.';
    setErrors(found);
    if (found.clock_in || found.clock_out || found.reason) return;
    correct.mutate({
      id: entry.id,
      changes: { ...(inIso ? { clock_in: inIso } : {}), ...(outIso ? { clock_out: outIso } : {}), reason: reason.trim() },
    });
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!correct.isPending) submit();
      }}
      noValidate
      aria-label="Correct the times"
      data-testid="correct-entry-form"
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {personName} · {formatLongDay(entry.date)}. Times are on the shop’s clock ({zone}).
        </Text>
        <FormError message={errors.form ?? null} />
        <Group grow align="flex-start" wrap="nowrap">
          <TextInput
            label="Clock in"
            type="datetime-local"
            required
            value={clockIn}
            onChange={(event) => {
              setClockIn(event.currentTarget.value);
              setErrors((e) => ({ ...e, clock_in: undefined }));
            }}
            error={errors.clock_in}
            data-testid="correct-clock-in"
          />
          <TextInput
            label="Clock out"
            type="datetime-local"
            description={entry.clock_out ? undefined : 'Still clocked in: set it for a forgotten clock-out.'}
            value={clockOut}
            onChange={(event) => {
              setClockOut(event.currentTarget.value);
              setErrors((e) => ({ ...e, clock_out: undefined }));
            }}
            error={errors.clock_out}
            data-testid="correct-clock-out"
          />
        </Group>
        <TextInput
          label="Reason"
          placeholder="e.g. Forgot to clock out, clocked in late at the back door"
          required
          autoComplete="off"
          maxLength={200}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setErrors((e) => ({ ...e, reason: undefined }));
          }}
          error={errors.reason}
          data-autofocus
          data-testid="correct-reason"
        />
        <Text size="xs" c="dimmed">
          The correction and its reason go to the audit log.
        </Text>
        <Group justify="flex-end" gap="sm" wrap="nowrap">
          <Button variant="default" onClick={onClose} disabled={correct.isPending}>
            Cancel
          </Button>
          <Button type="submit" leftSection={<IconClockEdit size={18} />} loading={correct.isPending} data-testid="correct-submit">
            Save correction
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A manager's correction of one time entry: new clock-in and/or clock-out, and why. */
export function CorrectEntryDialog({ entry, personName, onClose }: CorrectEntryDialogProps) {
  const shown = useLingering(entry);
  return (
    <Modal opened={entry !== null} onClose={onClose} title="Correct the times" size="lg" data-testid="correct-entry-dialog">
      {/* A fresh form per entry: its inputs start from that entry's times. */}
      {shown ? <CorrectForm key={shown.id} entry={shown} personName={personName} onClose={onClose} /> : null}
    </Modal>
  );
}
