import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { inferRouterOutputs } from '@trpc/server';
import type { Dispatch, SetStateAction } from 'react';
import type { AppRouter } from '../../../../electron/trpc/root';
import { RoleBadge } from '../../components/RoleBadge';
import { formatCompact } from '../time-clock/time-format';
import { dayKey, type WorkedDay } from '../time-clock/worked-by-day';
import { fullName } from '../../lib/names';
import { ShiftCell } from './ShiftCell';
import classes from './ShiftPlanner.module.css';
import { formatDayMonth, formatHours, formatWeekday, totalMinutes } from './time';

type PlannedWorker = inferRouterOutputs<AppRouter>['shifts']['week']['workers'][number];

interface ShiftGridProps {
  week: string;
  days: readonly string[];
  today: string;
  workers: readonly PlannedWorker[];
  /** Each day's hours, as the foot of the grid shows them. */
  dayTotals: readonly number[];
  weekTotal: number;
  /** What each worker clocked per day (`dayKey`), and over the week. */
  clockedByDay: ReadonlyMap<string, WorkedDay>;
  clockedByWorker: ReadonlyMap<number, number>;
  /** The previous week's plan, while this one loads. */
  dimmed: boolean;
  /** The cell being edited, `<worker id>:<date>`. */
  editing: string | null;
  onEditingChange: Dispatch<SetStateAction<string | null>>;
}

/** Workers × days of one week, each cell a shift to edit in place, with totals per worker and per day. */
export function ShiftGrid({
  week,
  days,
  today,
  workers,
  dayTotals,
  weekTotal,
  clockedByDay,
  clockedByWorker,
  dimmed,
  editing,
  onEditingChange,
}: ShiftGridProps) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table
        className={classes.grid}
        verticalSpacing={6}
        horizontalSpacing="sm"
        style={{ opacity: dimmed ? 0.6 : 1 }}
        data-testid="shift-grid"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" className={classes.workerCol}>
              Worker
            </Table.Th>
            {days.map((day) => (
              <Table.Th key={day} scope="col" className={classes.dayHead} data-today={day === today}>
                <Stack gap={0} align="center">
                  <Text span size="sm" fw={600}>
                    {formatWeekday(day)}
                  </Text>
                  <Text span size="xs" c={day === today ? 'teal.8' : 'dimmed'} fw={day === today ? 600 : 400}>
                    {day === today ? 'Today' : formatDayMonth(day)}
                  </Text>
                </Stack>
              </Table.Th>
            ))}
            <Table.Th scope="col" className={classes.totalCol}>
              Total
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {workers.map((worker, row) => (
            <Table.Tr key={worker.id} data-testid={`planner-row-${worker.username}`}>
              <Table.Th scope="row" className={classes.workerCol} fw={400}>
                <Stack gap={2} miw={0}>
                  <Text size="sm" fw={600} truncate c={worker.is_active ? undefined : 'dimmed'}>
                    {fullName(worker) || worker.username}
                  </Text>
                  <Group gap={4} wrap="nowrap">
                    <RoleBadge role={worker.role} size="xs" />
                    {!worker.is_active ? (
                      <Badge size="xs" color="gray" variant="light" radius="sm">
                        Inactive
                      </Badge>
                    ) : null}
                  </Group>
                </Stack>
              </Table.Th>
              {days.map((day, col) => {
                const key = `${worker.id}:${day}`;
                return (
                  <Table.Td key={day} className={classes.dayCell} data-today={day === today}>
                    <ShiftCell
                      worker={worker}
                      date={day}
                      weekStart={week}
                      shift={worker.shifts.find((s) => s.date === day)}
                      clocked={clockedByDay.get(dayKey(worker.id, day))}
                      editing={editing === key}
                      row={row}
                      col={col}
                      today={day === today}
                      onOpen={() => onEditingChange(key)}
                      onClose={() => onEditingChange((current) => (current === key ? null : current))}
                    />
                  </Table.Td>
                );
              })}
              <Table.Td className={classes.totalCol} fw={600}>
                <span data-testid={`total-${worker.username}`}>{formatHours(totalMinutes(worker.shifts))}</span>
                {clockedByWorker.has(worker.id) ? (
                  <Text size="xs" c="dimmed" fw={500} style={{ whiteSpace: 'nowrap' }} data-testid={`clocked-total-${worker.username}`}>
                    clocked {formatCompact(clockedByWorker.get(worker.id) ?? 0)}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot className={classes.footer}>
          <Table.Tr>
            <Table.Th scope="row" className={classes.workerCol}>
              Hours per day
            </Table.Th>
            {days.map((day, i) => (
              <Table.Td key={day} ta="center" data-today={day === today} className={classes.dayHead} data-testid={`day-total-${day}`}>
                {formatHours(dayTotals[i] ?? 0)}
              </Table.Td>
            ))}
            <Table.Td className={classes.totalCol} data-testid="week-total">
              {formatHours(weekTotal)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
