import { Card, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import type { WorkingTimeDto } from '../../../../shared/schemas/profile';
import { formatDuration, shiftMinutes } from '../../lib/dates';
import { ShiftTable } from './ShiftTable';

/** A worker's own shifts: the last 7 days and the next 28. */
export function WorkerShifts({ shifts, today, hasManager }: { shifts: WorkingTimeDto[]; today: string; hasManager: boolean }) {
  const upcoming = shifts.filter((s) => s.date >= today);
  const upcomingMinutes = upcoming.reduce((sum, s) => sum + shiftMinutes(s.start_time, s.end_time), 0);
  return (
    <Card data-testid="profile-shifts">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Stack gap={2}>
            <Title order={2} fz={18}>
              My shifts
            </Title>
            <Text size="sm" c="dimmed">
              The last 7 days and the next 28.
            </Text>
          </Stack>
          {upcoming.length > 0 ? (
            <Text size="sm" c="dimmed">
              {upcoming.length} upcoming · {formatDuration(upcomingMinutes)}
            </Text>
          ) : null}
        </Group>
        {shifts.length === 0 ? (
          <EmptyState
            icon={<IconCalendarOff size={28} />}
            withIndicatorBackground
            title="No shifts scheduled"
            description={
              hasManager
                ? 'Nothing in the last 7 days or the next 28. Your manager plans the shifts; ask them if you expected some.'
                : 'Nothing in the last 7 days or the next 28.'
            }
            py="xl"
            data-testid="shifts-empty"
          />
        ) : (
          <ShiftTable shifts={shifts} today={today} />
        )}
      </Stack>
    </Card>
  );
}
