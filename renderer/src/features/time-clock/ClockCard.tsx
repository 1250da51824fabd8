import { Button, Card, Group, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconClockHour4, IconClockPause, IconClockPlay } from '@tabler/icons-react';
import type { ClockStatus } from '../../../../shared/schemas/time-entries';
import { PageError } from '../../components/PageStates';
import { formatDay, todayShopDate } from '../../lib/dates';
import { formatClock, formatWorked } from './time-format';
import { useClock } from './use-clock';
import { useNow } from './use-now';
import { minutesOf } from './worked-by-day';

function plannedText(planned: ClockStatus['planned_today'], prefix: string): string {
  return planned ? `${prefix} ${planned.start_time}–${planned.end_time}` : 'nothing planned today';
}

/** "Clocked in since 09:02 (2 h 14 min) · planned 09:00–17:00", or "Not clocked in · planned today …". */
function statusText(status: ClockStatus, now: number): string {
  const { entry, planned_today: planned } = status;
  if (!entry) return `Not clocked in · ${plannedText(planned, 'planned today')}`;
  // Clocked in on an earlier day (a night shift, a forgotten clock-out): say which.
  const since = `${entry.date === todayShopDate() ? '' : `${formatDay(entry.date)}, `}${formatClock(entry.clock_in)}`;
  return `Clocked in since ${since} (${formatWorked(minutesOf(entry, now))}) · ${plannedText(planned, 'planned')}`;
}

/**
 * The signed-in person's time clock: where they stand and one big button, Clock in or Clock
 * out. Shown to those who clock in (`time_clock.use`); the caller decides.
 */
export function ClockCard() {
  const clock = useClock();
  const now = useNow();
  const status = clock.status;

  return (
    <Card padding="lg" data-testid="clock-card" data-state={status.data ? (clock.clockedIn ? 'in' : 'out') : 'loading'}>
      {status.isPending ? (
        <Group gap="sm">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            Reading your time clock…
          </Text>
        </Group>
      ) : status.isError ? (
        <PageError error={status.error} onRetry={() => void status.refetch()} title="Your time clock could not be read" />
      ) : (
        <Group justify="space-between" wrap="wrap" gap="md">
          <Group gap="md" wrap="nowrap">
            <ThemeIcon size={44} radius="md" variant="light" color={clock.clockedIn ? 'teal' : 'gray'} aria-hidden>
              <IconClockHour4 size={26} stroke={1.5} />
            </ThemeIcon>
            <Stack gap={2}>
              <Text fw={650} size="lg">
                Time clock
              </Text>
              <Text size="sm" c={clock.clockedIn ? 'teal.8' : 'dimmed'} aria-live="polite" data-testid="clock-status">
                {statusText(status.data, now)}
              </Text>
            </Stack>
          </Group>
          <Button
            size="lg"
            color={clock.clockedIn ? 'orange' : 'teal'}
            leftSection={clock.clockedIn ? <IconClockPause size={20} /> : <IconClockPlay size={20} />}
            loading={clock.busy}
            onClick={clock.toggle}
            data-testid="clock-toggle"
          >
            {clock.clockedIn ? 'Clock out' : 'Clock in'}
          </Button>
        </Group>
      )}
    </Card>
  );
}
