import { Badge, Table, Text } from '@mantine/core';
import { IconClockEdit } from '@tabler/icons-react';
import type { CSSProperties } from 'react';
import type { TimeEntryDto } from '../../../../shared/schemas/time-entries';
import { RowAction } from '../../components/RowAction';
import { formatDay, formatDuration } from '../../lib/dates';
import { formatClock, formatDifference, formatWorked } from './time-format';

const numbers: CSSProperties = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' };

/** Over the plan is worth a look (overtime), under it more so (a short day). */
export function differenceColor(minutes: number): string {
  if (minutes > 0) return 'orange.8';
  if (minutes < 0) return 'red.7';
  return 'teal.8';
}

interface TimesheetRowProps {
  entry: TimeEntryDto;
  personName: string;
  /**
   * The day's worked minus planned, on the last entry of a person's day (a split shift's two
   * entries share one plan); undefined on the others and where nothing was planned or someone
   * is still clocked in.
   */
  difference: number | undefined;
  /** Another entry of the same person and day comes after this one. */
  moreThatDay: boolean;
  onCorrect: (() => void) | null;
}

/** One clock-in of the timesheet: the day's plan, the clocked times, worked and the difference. */
export function TimesheetRow({ entry, personName, difference, moreThatDay, onCorrect }: TimesheetRowProps) {
  const open = entry.clock_out === null;
  return (
    <Table.Tr data-testid={`timesheet-row-${entry.id}`} data-open={open}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(entry.date)}</Table.Td>
      <Table.Td>
        <Text size="sm" truncate maw={200}>
          {personName}
        </Text>
      </Table.Td>
      <Table.Td style={numbers} data-testid="timesheet-planned">
        {entry.planned ? (
          <>
            {entry.planned.start_time}–{entry.planned.end_time}
            <Text span size="xs" c="dimmed">
              {' · '}
              {formatDuration(entry.planned.planned_minutes)}
            </Text>
          </>
        ) : (
          <Text span size="sm" c="dimmed">
            Not planned
          </Text>
        )}
      </Table.Td>
      <Table.Td style={numbers} data-testid="timesheet-clock-in">
        <time dateTime={entry.clock_in}>{formatClock(entry.clock_in)}</time>
      </Table.Td>
      <Table.Td style={numbers} data-testid="timesheet-clock-out">
        {entry.clock_out ? (
          <time dateTime={entry.clock_out}>{formatClock(entry.clock_out)}</time>
        ) : (
          <Badge color="teal" variant="light" radius="sm">
            Still clocked in
          </Badge>
        )}
      </Table.Td>
      <Table.Td ta="right" style={numbers} data-testid="timesheet-worked">
        {entry.worked_minutes === null ? (
          <Text span size="sm" c="dimmed">
            –
          </Text>
        ) : (
          formatWorked(entry.worked_minutes)
        )}
      </Table.Td>
      <Table.Td ta="right" style={numbers} data-testid="timesheet-difference">
        {difference === undefined ? (
          <Text span size="sm" c="dimmed" title={moreThatDay ? 'The day’s difference is on its last entry.' : undefined}>
            {moreThatDay ? '↓' : '–'}
          </Text>
        ) : (
          <Text span size="sm" fw={600} c={differenceColor(difference)}>
            {formatDifference(difference)}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">
        {onCorrect ? (
          <RowAction
            tooltip="Correct"
            label={`Correct the entry of ${personName} on ${formatDay(entry.date)}`}
            icon={<IconClockEdit size={18} />}
            onClick={onCorrect}
            testId={`timesheet-correct-${entry.id}`}
          />
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
