import { Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconClockCheck, IconMoon, IconPlus } from '@tabler/icons-react';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { formatDuration, formatLongDay, shiftMinutes } from '../../lib/dates';
import { fullName } from '../../lib/names';
import { formatCompact, formatWorked } from '../time-clock/time-format';
import type { WorkedDay } from '../time-clock/worked-by-day';
import classes from './ShiftPlanner.module.css';
import { ShiftEditor, type ShiftEditorProps } from './ShiftEditor';
import { isOvernight } from './time';

interface ShiftCellProps extends Omit<ShiftEditorProps, 'onDone'> {
  editing: boolean;
  row: number;
  col: number;
  today: boolean;
  /** What the worker clocked that day, if anything. */
  clocked: WorkedDay | undefined;
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
export function ShiftCell({ worker, date, weekStart, shift, editing, row, col, today, clocked, onOpen, onClose }: ShiftCellProps) {
  const cell = useRef<HTMLButtonElement>(null);
  const overnight = shift ? isOvernight(shift.start_time, shift.end_time) : false;
  const clockedText = clocked ? `clocked ${formatWorked(clocked.minutes)}${clocked.open ? ', still clocked in' : ''}` : null;
  const label = shift
    ? `${fullName(worker)}, ${formatLongDay(date)}: ${shift.start_time} to ${shift.end_time}${overnight ? ' the next day' : ''}${clockedText ? `, ${clockedText}` : ''}. Press Enter to edit.`
    : `${fullName(worker)}, ${formatLongDay(date)}: no shift${clockedText ? `, ${clockedText}` : ''}. Press Enter to add one.`;
  const clockedLine = clocked ? (
    <Text
      span
      size="xs"
      lh={1.2}
      fw={600}
      c={clocked.open ? 'teal.8' : 'blue.8'}
      style={{ whiteSpace: 'nowrap' }}
      title={clockedText ?? undefined}
      data-testid="shift-clocked"
      data-open={clocked.open}
    >
      <IconClockCheck size={11} className={classes.clockedIcon} aria-hidden />
      {formatCompact(clocked.minutes)}
      {clocked.open ? ' …' : ''}
    </Text>
  ) : null;
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
    <Popover opened={editing} onDismiss={onClose} position="bottom" withArrow shadow="md" trapFocus closeOnEscape={false}>
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
              {clockedLine}
            </Stack>
          ) : clockedLine ? (
            <Stack gap={0} align="center">
              <Text span size="xs" c="dimmed" lh={1.3}>
                not planned
              </Text>
              {clockedLine}
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
