import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorCodeOf } from '../../lib/api-error';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { formatClock, formatWorked } from './time-format';

/**
 * The signed-in person's clock (`timeClock.current`) and the one action it allows: clock in
 * when out, out when in. A 409 (clocked in or out meanwhile, at another desk) shows the server's
 * words and reads the clock again.
 */
export function useClock() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.timeClock.current.queryOptions());
  // Timesheets and the planner read the same entries.
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.timeClock.pathKey() });
  const onError = async (error: unknown, title: string) => {
    notifyFailure(error, title);
    if (errorCodeOf(error) === 'invalid_state') await refresh();
  };
  const clockIn = useMutation(
    trpc.timeClock.clockIn.mutationOptions({
      onSuccess: async (entry) => {
        notifySuccess(`Your time counts from ${formatClock(entry.clock_in)}.`, 'Clocked in');
        await refresh();
      },
      onError: (error) => onError(error, 'Could not clock in'),
    }),
  );
  const clockOut = useMutation(
    trpc.timeClock.clockOut.mutationOptions({
      onSuccess: async (entry) => {
        const until = entry.clock_out ? ` at ${formatClock(entry.clock_out)}` : '';
        notifySuccess(`Clocked out${until}, after ${formatWorked(entry.worked_minutes ?? 0)}.`, 'Clocked out');
        await refresh();
      },
      onError: (error) => onError(error, 'Could not clock out'),
    }),
  );
  const clockedIn = (status.data?.entry ?? null) !== null;
  return {
    status,
    clockedIn,
    busy: clockIn.isPending || clockOut.isPending,
    toggle: () => (clockedIn ? clockOut.mutate() : clockIn.mutate()),
  };
}
