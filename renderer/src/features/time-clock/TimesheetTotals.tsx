import { Card, Table, Text, Title } from '@mantine/core';
import type { CSSProperties } from 'react';
import type { TimeEntryDto } from '../../../../shared/schemas/time-entries';
import { formatDifference, formatTotal } from './time-format';
import { differenceColor } from './TimesheetRow';
import { plannedByUser, workedByUser } from './worked-by-day';

const numbers: CSSProperties = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' };

interface TimesheetTotalsProps {
  entries: readonly TimeEntryDto[];
  nameOf: (userId: number) => string;
}

/**
 * Per person over the range: the planned hours of the days they clocked in and the hours
 * worked. As in the CSV, an entry still open counts nothing yet.
 */
export function TimesheetTotals({ entries, nameOf }: TimesheetTotalsProps) {
  const closed = entries.filter((e) => e.worked_minutes !== null);
  const worked = workedByUser(closed, 0);
  const planned = plannedByUser(entries);
  const people = [...new Set(entries.map((e) => e.user_id))].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  return (
    <Card mt="lg" padding="md" data-testid="timesheet-totals">
      <Title order={2} fz={16} mb={4}>
        Totals per person
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        Planned hours of the days with a clock-in; a day planned but not clocked (an absence) shows in the CSV export. An entry still open
        counts once clocked out.
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Person</Table.Th>
              <Table.Th scope="col" ta="right">
                Planned
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Worked
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Difference
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((id) => {
              const plan = planned.get(id) ?? 0;
              const done = worked.get(id) ?? 0;
              return (
                <Table.Tr key={id} data-testid={`timesheet-total-${id}`}>
                  <Table.Td>{nameOf(id)}</Table.Td>
                  <Table.Td ta="right" style={numbers} data-testid="total-planned">
                    {formatTotal(plan)}
                  </Table.Td>
                  <Table.Td ta="right" style={numbers} data-testid="total-worked">
                    {formatTotal(done)}
                  </Table.Td>
                  <Table.Td ta="right" style={numbers}>
                    {plan === 0 ? (
                      <Text span size="sm" c="dimmed">
                        –
                      </Text>
                    ) : (
                      <Text span size="sm" fw={600} c={differenceColor(done - plan)}>
                        {formatDifference(done - plan)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
