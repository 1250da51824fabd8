import { Anchor, Avatar, Badge, Card, EmptyState, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import type { WorkingTimeDto } from '../../../../shared/schemas/profile';
import { formatDay } from '../../lib/dates';
import { fullName, initials } from '../../lib/names';

interface Worker {
  id: number;
  username: string;
  first_name: string;
  last_name: string;
  working_times: WorkingTimeDto[];
}

const SHOWN = 6;

function WorkerCard({ worker, today }: { worker: Worker; today: string }) {
  const [all, setAll] = useState(false);
  const upcoming = worker.working_times.filter((s) => s.date >= today);
  const shown = all ? upcoming : upcoming.slice(0, SHOWN);
  return (
    <Paper withBorder p="md" data-testid="team-member">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <Avatar radius="xl" color="indigo">
            {initials(worker)}
          </Avatar>
          <Stack gap={0} miw={0}>
            <Text fw={600} truncate>
              {fullName(worker)}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {worker.username} · {upcoming.length === 1 ? '1 upcoming shift' : `${upcoming.length} upcoming shifts`}
            </Text>
          </Stack>
        </Group>
        {upcoming.length === 0 ? (
          <Text size="sm" c="dimmed">
            No upcoming shifts in the next 28 days.
          </Text>
        ) : (
          <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={`Upcoming shifts of ${fullName(worker)}`}>
            {shown.map((shift) => (
              <Group key={shift.id} component="li" justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" component="div">
                  {formatDay(shift.date)}
                  {shift.date === today ? (
                    <Badge ml={6} size="xs">
                      Today
                    </Badge>
                  ) : null}
                </Text>
                <Text size="sm" ff="monospace" c="dimmed">
                  {shift.start_time}–{shift.end_time}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
        {upcoming.length > SHOWN ? (
          <Anchor component="button" type="button" size="sm" fw={500} onClick={() => setAll((v) => !v)} style={{ alignSelf: 'flex-start' }}>
            {all ? 'Show fewer' : `Show all ${upcoming.length}`}
          </Anchor>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** A manager's workers, each with their upcoming shifts. */
export function TeamShifts({ workers, today }: { workers: Worker[]; today: string }) {
  return (
    <Card data-testid="profile-team">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz={18}>
            My team
          </Title>
          <Text size="sm" c="dimmed">
            {workers.length === 0
              ? 'The workers you manage appear here with their shifts.'
              : `${workers.length} ${workers.length === 1 ? 'worker' : 'workers'} and their shifts for the next 28 days.`}
          </Text>
        </Stack>
        {workers.length === 0 ? (
          <EmptyState
            icon={<IconUsersGroup size={28} />}
            withIndicatorBackground
            title="No workers yet"
            description="Attendants and cashiers you add become your workers."
            py="xl"
            data-testid="team-empty"
          />
        ) : (
          <SimpleGrid minColWidth={300} spacing="md">
            {workers.map((worker) => (
              <WorkerCard key={worker.id} worker={worker} today={today} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}
