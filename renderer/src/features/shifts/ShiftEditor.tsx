import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconMoon } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { WorkingTimeDto } from '../../../../shared/schemas/profile';
import { apiErrorOf, errorMessageOf } from '../../lib/api-error';
import { formatDuration, formatLongDay, shiftMinutes } from '../../lib/dates';
import { fullName } from '../../lib/names';
import { useTRPC } from '../../trpc/client';
import { isClockTime, isOvernight, normalizeClock } from './time';

export interface PlannedWorker {
  id: number;
  username: string;
  first_name: string;
  last_name: string;
}

export interface ShiftEditorProps {
  worker: PlannedWorker;
  date: string;
  weekStart: string;
  shift: WorkingTimeDto | undefined;
  onDone: () => void;
}

const clockProblem = (value: string, which: string) =>
  value === '' ? `Enter the ${which} time.` : isClockTime(value) ? null : 'Use the 24-hour format HH:MM, e.g. 08:00.';

/** The in-place editor of one cell: start and end (24 h), Save, Clear, Cancel. */
export function ShiftEditor({ worker, date, weekStart, shift, onDone }: ShiftEditorProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [start, setStart] = useState(shift?.start_time ?? '');
  const [end, setEnd] = useState(shift?.end_time ?? '');
  const [errors, setErrors] = useState<{ start?: string | null; end?: string | null; form?: string | null }>({});
  const startInput = useRef<HTMLInputElement>(null);
  const endInput = useRef<HTMLInputElement>(null);

  const refresh = async () => {
    onDone();
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.shifts.week.queryKey({ weekStart }) }),
      queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.profile.pathKey() }),
    ]);
  };
  const showServerError = (err: unknown) => {
    const fields = apiErrorOf(err)?.fields;
    const start = fields?.['times.start_time']?.join(' ') ?? fields?.start_time?.join(' ');
    const end = fields?.['times.end_time']?.join(' ') ?? fields?.end_time?.join(' ');
    setErrors(start || end ? { start, end } : { form: errorMessageOf(err) });
    requestAnimationFrame(() => (start ? startInput : endInput).current?.focus());
  };
  const save = useMutation(trpc.shifts.set.mutationOptions({ onSuccess: refresh, onError: showServerError }));
  const clear = useMutation(trpc.shifts.clear.mutationOptions({ onSuccess: refresh, onError: showServerError }));

  const submit = () => {
    const s = normalizeClock(start);
    const e = normalizeClock(end);
    setStart(s);
    setEnd(e);
    const found = { start: clockProblem(s, 'start'), end: clockProblem(e, 'end') };
    setErrors(found);
    if (found.start) startInput.current?.focus();
    else if (found.end) endInput.current?.focus();
    // Equal times go to the server, which refuses them with its own words.
    if (found.start || found.end) return;
    save.mutate({ userId: worker.id, date, times: { start_time: s, end_time: e } });
  };

  const s = normalizeClock(start);
  const e = normalizeClock(end);
  const valid = isClockTime(s) && isClockTime(e) && s !== e;
  const busy = save.isPending || clear.isPending;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      noValidate
      aria-label={`Shift of ${fullName(worker)} on ${formatLongDay(date)}`}
      data-testid="shift-editor"
    >
      <Stack gap="sm" w={250}>
        <Text size="sm" fw={600}>
          {fullName(worker)} · {formatLongDay(date)}
        </Text>
        {errors.form ? (
          <Alert color="red" variant="light" role="alert" p="xs">
            <Text size="xs">{errors.form}</Text>
          </Alert>
        ) : null}
        <Group gap="xs" grow align="flex-start" wrap="nowrap">
          <TextInput
            ref={startInput}
            label="Start"
            placeholder="HH:MM"
            inputMode="numeric"
            autoComplete="off"
            maxLength={5}
            value={start}
            onChange={(event) => setStart(event.currentTarget.value)}
            onBlur={() => setStart(normalizeClock(start))}
            error={errors.start}
            data-autofocus
            data-testid="shift-start"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <TextInput
            ref={endInput}
            label="End"
            placeholder="HH:MM"
            inputMode="numeric"
            autoComplete="off"
            maxLength={5}
            value={end}
            onChange={(event) => setEnd(event.currentTarget.value)}
            onBlur={() => setEnd(normalizeClock(end))}
            error={errors.end}
            data-testid="shift-end"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        </Group>
        <Text size="xs" c="dimmed" mih={18} data-testid="shift-preview">
          {valid ? (
            <>
              {formatDuration(shiftMinutes(s, e))}
              {isOvernight(s, e) ? (
                <>
                  {' · '}
                  <IconMoon size={12} style={{ verticalAlign: -1 }} aria-hidden /> ends the next day
                </>
              ) : e === '00:00' ? (
                ' · ends at midnight'
              ) : null}
            </>
          ) : (
            '24-hour times; an end before the start runs past midnight.'
          )}
        </Text>
        <Group gap="xs" justify="space-between" wrap="nowrap">
          {shift ? (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              px={8}
              disabled={busy && !clear.isPending}
              loading={clear.isPending}
              onClick={() => clear.mutate({ userId: worker.id, date })}
              data-testid="shift-clear"
            >
              Clear
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="default" onClick={onDone} disabled={busy} data-testid="shift-cancel">
              Cancel
            </Button>
            <Button size="xs" type="submit" loading={save.isPending} disabled={busy && !save.isPending} data-testid="shift-save">
              Save
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
