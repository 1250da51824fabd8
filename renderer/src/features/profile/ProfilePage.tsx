import { Box, DataList, Grid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../../../shared/permissions';
import type { UserDto } from '../../../../shared/schemas/users';
import { PageHeader } from '../../components/PageHeader';
import { PageError, PageLoader } from '../../components/PageStates';
import { todayShopDate } from '../../lib/dates';
import { fullName } from '../../lib/names';
import { useTRPC } from '../../trpc/client';
import { ClockCard } from '../time-clock/ClockCard';
import { PinCard } from './PinCard';
import { TeamShifts } from './TeamShifts';
import { UserDetailsCard } from './UserDetailsCard';
import { WorkerShifts } from './WorkerShifts';

/** `profile.me`: a worker sees their manager and shifts; a manager sees their workers. */
export default function ProfilePage({ user }: { user: UserDto }) {
  const trpc = useTRPC();
  const profile = useQuery(trpc.profile.me.queryOptions());
  const today = todayShopDate();

  return (
    <div data-testid="profile-page">
      <PageHeader title="My profile" description="Your account details and your schedule." />
      {can(user.role, 'time_clock.use') ? (
        <Box mb="lg">
          <ClockCard />
        </Box>
      ) : null}
      {profile.isPending ? (
        <PageLoader label="Loading your profile…" />
      ) : profile.isError ? (
        <PageError error={profile.error} onRetry={() => void profile.refetch()} />
      ) : 'workers' in profile.data ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              <UserDetailsCard user={profile.data} />
              <PinCard user={profile.data} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <TeamShifts workers={profile.data.workers} today={today} />
          </Grid.Col>
        </Grid>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              <UserDetailsCard
                user={profile.data}
                extra={
                  <DataList.Item>
                    <DataList.ItemLabel>Manager</DataList.ItemLabel>
                    <DataList.ItemValue data-testid="profile-manager">
                      {profile.data.manager ? fullName(profile.data.manager) : 'None assigned'}
                    </DataList.ItemValue>
                  </DataList.Item>
                }
              />
              <PinCard user={profile.data} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <WorkerShifts shifts={profile.data.working_times} today={today} hasManager={profile.data.manager !== null} />
          </Grid.Col>
        </Grid>
      )}
    </div>
  );
}
