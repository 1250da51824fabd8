import { Badge, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import type { WorkingTimeDto } from '../../../../shared/schemas/profile';
import { formatDay, formatDuration, shiftMinutes, weekStart } from '../../lib/dates';

/** Shifts grouped by week (Monday first); past days are dimmed, today is marked. */
export function ShiftTable({ shifts, today }: { shifts: WorkingTimeDto[]; today: string }) {
  const weeks = new Map<string, WorkingTimeDto[]>();
  for (const shift of [...shifts].sort((a, b) => (a.date + a.start_time).localeCompare(b.date + b.start_time))) {
    const key = weekStart(shift.date);
    weeks.set(key, [...(weeks.get(key) ?? []), shift]);
  }
  const thisWeek = weekStart(today);
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="shift-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Day</Table.Th>
            <Table.Th scope="col">Hours</Table.Th>
            <Table.Th scope="col" ta="right">
              Length
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...weeks].map(([week, rows]) => (
            <Fragment key={week}>
              <Table.Tr bg="var(--mantine-color-gray-0)">
                <Table.Th colSpan={3} scope="rowgroup">
                  <Text size="sm" fw={600} c="dimmed">
                    {week === thisWeek ? 'This week' : `Week of ${formatDay(week)}`} ·{' '}
                    {formatDuration(rows.reduce((sum, s) => sum + shiftMinutes(s.start_time, s.end_time), 0))}
                  </Text>
                </Table.Th>
              </Table.Tr>
              {rows.map((shift) => {
                const past = shift.date < today;
                return (
                  <Table.Tr key={shift.id} c={past ? 'dimmed' : undefined} data-past={past}>
                    <Table.Td>
                      {formatDay(shift.date)}
                      {shift.date === today ? (
                        <Badge ml="xs" size="xs" variant="filled">
                          Today
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td ff="monospace">
                      {shift.start_time}–{shift.end_time}
                    </Table.Td>
                    <Table.Td ta="right">{formatDuration(shiftMinutes(shift.start_time, shift.end_time))}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
