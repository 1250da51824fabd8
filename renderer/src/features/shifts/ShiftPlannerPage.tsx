import { ActionIcon, Badge, Button, Card, EmptyState, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCalendarWeek, IconChevronLeft, IconChevronRight, IconCopy, IconMoon, IconUsersGroup } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { addDays } from '../../../../shared/shop-date';
import { PageHeader } from '../../components/PageHeader';
import { PageError, PageLoader } from '../../components/PageStates';
import { todayShopDate, weekStart as mondayOf } from '../../lib/dates';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNow } from '../time-clock/use-now';
import { workedByDay, workedByUser } from '../time-clock/worked-by-day';
import { ShiftGrid } from './ShiftGrid';
import { formatHours, formatWeekRange, isShopDate, totalMinutes, weekDays } from './time';

/** The week in the address (`#/shifts?week=2026-11-23`), always a Monday; this week by default. */
function useWeek(): [string, (monday: string) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('week');
  const week = asked && isShopDate(asked) ? mondayOf(asked) : mondayOf(todayShopDate());
  return [week, (monday) => setParams(monday === mondayOf(todayShopDate()) ? {} : { week: monday }, { replace: true })];
}

/** The weekly shift planner of managers: workers × days, edited in place, with totals. */
export default function ShiftPlannerPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [week, setWeek] = useWeek();
  const today = todayShopDate();
  const thisWeek = mondayOf(today);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirmCopy, setConfirmCopy] = useState(false);

  const plan = useQuery({ ...trpc.shifts.week.queryOptions({ weekStart: week }), placeholderData: keepPreviousData });
  const days = plan.data && !plan.isPlaceholderData ? plan.data.days : weekDays(week);
  const workers = plan.data?.workers ?? [];
  // What the workers clocked that week, beside the plan; the planner works without it.
  const entries = useQuery({
    ...trpc.timeClock.list.queryOptions({ from: week, to: addDays(week, 6) }),
    placeholderData: keepPreviousData,
  });
  const now = useNow(60_000);
  const clocked = entries.data && !entries.isPlaceholderData ? entries.data : [];

  const copy = useMutation(
    trpc.shifts.copyPreviousWeek.mutationOptions({
      onSuccess: async ({ copied }) => {
        setConfirmCopy(false);
        notifySuccess(
          copied === 0 ? 'The previous week had no shifts to copy.' : `${copied === 1 ? '1 shift' : `${copied} shifts`} copied`,
          'Previous week copied',
        );
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.shifts.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.profile.pathKey() }),
        ]);
      },
      onError: (err) => notifyFailure(err, 'Could not copy the previous week'),
    }),
  );

  const go = (monday: string) => {
    setEditing(null);
    setWeek(monday);
  };
  const dayTotals = days.map((day) => totalMinutes(workers.flatMap((w) => w.shifts.filter((s) => s.date === day))));
  const weekTotal = dayTotals.reduce((a, b) => a + b, 0);
  const shiftCount = workers.reduce((n, w) => n + w.shifts.length, 0);

  return (
    <div data-testid="shift-planner">
      <PageHeader
        title="Shifts"
        description="Plan who works when. Click a day (or focus it and press Enter) to set or change a shift; an end before the start runs past midnight. Clocked hours show beside the plan."
        actions={
          <Button
            variant="default"
            leftSection={<IconCopy size={18} />}
            onClick={() => setConfirmCopy(true)}
            disabled={!plan.data || workers.length === 0}
            data-testid="copy-week"
          >
            Copy previous week
          </Button>
        }
      />
      <Card p={0}>
        <Group justify="space-between" p="md" gap="sm" wrap="wrap">
          <Group gap="xs" wrap="nowrap">
            <Tooltip label="Previous week" withArrow>
              <ActionIcon
                variant="default"
                size="lg"
                onClick={() => go(addDays(week, -7))}
                aria-label="Previous week"
                data-testid="week-prev"
              >
                <IconChevronLeft size={18} />
              </ActionIcon>
            </Tooltip>
            <Button variant="default" onClick={() => go(thisWeek)} disabled={week === thisWeek} data-testid="week-this">
              This week
            </Button>
            <Tooltip label="Next week" withArrow>
              <ActionIcon variant="default" size="lg" onClick={() => go(addDays(week, 7))} aria-label="Next week" data-testid="week-next">
                <IconChevronRight size={18} />
              </ActionIcon>
            </Tooltip>
            <Title order={2} fz={18} ml="xs" data-testid="week-label" aria-live="polite">
              {formatWeekRange(week)}
            </Title>
            {week === thisWeek ? (
              <Badge variant="light" radius="sm">
                This week
              </Badge>
            ) : null}
          </Group>
          {plan.data && workers.length > 0 ? (
            <Text size="sm" c="dimmed" data-testid="week-summary">
              {workers.length === 1 ? '1 worker' : `${workers.length} workers`} · {shiftCount === 1 ? '1 shift' : `${shiftCount} shifts`} ·{' '}
              {formatHours(weekTotal)}
            </Text>
          ) : null}
        </Group>
        {plan.isPending ? (
          <PageLoader label="Loading the week…" />
        ) : plan.isError ? (
          <Stack p="md">
            <PageError error={plan.error} onRetry={() => void plan.refetch()} />
          </Stack>
        ) : workers.length === 0 ? (
          <EmptyState
            icon={<IconUsersGroup size={28} />}
            withIndicatorBackground
            title="No workers to plan"
            description="Attendants and cashiers appear here once they have an account."
            py="xl"
            data-testid="planner-empty"
          >
            <Button component={Link} to="/staff" variant="light" mt="sm">
              Go to Staff
            </Button>
          </EmptyState>
        ) : (
          <ShiftGrid
            week={week}
            days={days}
            today={today}
            workers={workers}
            dayTotals={dayTotals}
            weekTotal={weekTotal}
            clockedByDay={workedByDay(clocked, now)}
            clockedByWorker={workedByUser(clocked, now)}
            dimmed={plan.isPlaceholderData}
            editing={editing}
            onEditingChange={setEditing}
          />
        )}
        {plan.data && workers.length > 0 ? (
          <Group gap="lg" p="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <Text size="xs" c="dimmed">
              <IconMoon size={12} style={{ verticalAlign: -1 }} aria-hidden /> ends the next day; its hours count on the day it starts.
            </Text>
            <Text size="xs" c="dimmed">
              <IconCalendarWeek size={12} style={{ verticalAlign: -1 }} aria-hidden /> Arrow keys move between days, Enter edits, Escape
              cancels.
            </Text>
          </Group>
        ) : null}
      </Card>

      <ConfirmDialog
        opened={confirmCopy}
        title="Copy the previous week?"
        confirmLabel="Copy shifts"
        loading={copy.isPending}
        onCancel={() => setConfirmCopy(false)}
        onConfirm={() => copy.mutate({ weekStart: week })}
      >
        Every shift of the week of {formatWeekRange(addDays(week, -7))} is copied to the same weekday of {formatWeekRange(week)}. Where a
        day already has a shift, last week’s replaces it; days with no shift last week stay as they are.
      </ConfirmDialog>
    </div>
  );
}
