import { Alert, Button, Group, Popover, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconMoon, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { WorkingTimeDto } from '../../../../shared/schemas/profile';
import { apiErrorOf, errorMessageOf } from '../../lib/api-error';
import { formatDuration, formatLongDay, shiftMinutes } from '../../lib/dates';
import { fullName } from '../../lib/names';
import { useTRPC } from '../../trpc/client';
import classes from './ShiftPlanner.module.css';
import { isClockTime, isOvernight, normalizeClock } from './time';

export interface PlannedWorker {
  id: number;
  username: string;
  first_name: string;
  last_name: string;
}

interface EditorProps {
  worker: PlannedWorker;
  date: string;
  weekStart: string;
  shift: WorkingTimeDto | undefined;
  onDone: () => void;
}

const clockProblem = (value: string, which: string) =>
  value === '' ? `Enter the ${which} time.` : isClockTime(value) ? null : 'Use the 24-hour format HH:MM, e.g. 08:00.';

/** The in-place editor of one cell: start and end (24 h), Save, Clear, Cancel. */
function ShiftEditor({ worker, date, weekStart, shift, onDone }: EditorProps) {
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
            <Button size="xs" variant="subtle" color="red" px={8} disabled={busy && !clear.isPending} loading={clear.isPending} onClick={() => clear.mutate({ userId: worker.id, date })} data-testid="shift-clear">
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

interface ShiftCellProps extends Omit<EditorProps, 'onDone'> {
  editing: boolean;
  row: number;
  col: number;
  today: boolean;
  onOpen: () => void;
  onClose: () => void;
}

/** Arrow keys move between cells of the grid, like a spreadsheet. */
function moveFocus(event: KeyboardEvent<HTMLButtonElement>, row: number, col: number) {
  const step = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[event.key];
  if (!step) return;
  const grid = event.currentTarget.closest('table');
  const next = grid?.querySelector<HTMLButtonElement>(`[data-cell="${row + (step[0] ?? 0)}:${col + (step[1] ?? 0)}"]`);
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** One worker × day: the shift (or nothing), and its editor in a popover anchored on the cell. */
export function ShiftCell({ worker, date, weekStart, shift, editing, row, col, today, onOpen, onClose }: ShiftCellProps) {
  const cell = useRef<HTMLButtonElement>(null);
  const overnight = shift ? isOvernight(shift.start_time, shift.end_time) : false;
  const label = shift
    ? `${fullName(worker)}, ${formatLongDay(date)}: ${shift.start_time} to ${shift.end_time}${overnight ? ' the next day' : ''}. Press Enter to edit.`
    : `${fullName(worker)}, ${formatLongDay(date)}: no shift. Press Enter to add one.`;
  /** Escape, Cancel, Save and Clear put the keyboard back on the cell; a click elsewhere does not. */
  const finish = () => {
    onClose();
    requestAnimationFrame(() => cell.current?.focus());
  };
  // Escape cancels wherever the focus is (a busy Save button drops it to the page).
  useEffect(() => {
    if (!editing) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onClose();
      requestAnimationFrame(() => cell.current?.focus());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editing, onClose]);
  return (
    <Popover
      opened={editing}
      onDismiss={onClose}
      position="bottom"
      withArrow
      shadow="md"
      trapFocus
      closeOnEscape={false}
    >
      <Popover.Target>
        <UnstyledButton
          ref={cell}
          className={classes.cell}
          data-filled={shift !== undefined}
          data-today={today}
          data-editing={editing}
          data-cell={`${row}:${col}`}
          onClick={() => (editing ? onClose() : onOpen())}
          onKeyDown={(event) => moveFocus(event, row, col)}
          aria-label={label}
          aria-haspopup="dialog"
          aria-expanded={editing}
          data-testid={`shift-cell-${worker.username}-${date}`}
        >
          {shift ? (
            <Stack gap={0} align="center">
              <Text span fz={13} fw={600} lh={1.3} className={classes.times}>
                {shift.start_time}–{shift.end_time}
              </Text>
              <Text span size="xs" c="dimmed" lh={1.2} style={{ whiteSpace: 'nowrap' }}>
                {formatDuration(shiftMinutes(shift.start_time, shift.end_time))}
                {overnight ? (
                  <>
                    {' · '}
                    <IconMoon size={12} className={classes.moon} aria-hidden data-testid="shift-overnight" />
                    <Text span size="xs" c="indigo.7" fw={600}>
                      +1
                    </Text>
                  </>
                ) : null}
              </Text>
            </Stack>
          ) : (
            <IconPlus size={16} className={classes.add} aria-hidden />
          )}
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        {editing ? <ShiftEditor worker={worker} date={date} weekStart={weekStart} shift={shift} onDone={finish} /> : null}
      </Popover.Dropdown>
    </Popover>
  );
}
