import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { UserDto } from '../../../../shared/schemas/users';
import { fullName } from '../../lib/names';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { useRefreshPeople } from './use-people';

/** An action on an account that is asked ("are you sure?") before it is done. */
export interface AccountQuestion {
  kind: 'deactivate' | 'delete' | 'clear_pin';
  user: UserDto;
}

/** Unlock, activate, deactivate, delete and clear the PIN from the staff list, each with its notice. */
export function useAccountActions() {
  const trpc = useTRPC();
  const refresh = useRefreshPeople();
  const [question, setQuestion] = useState<AccountQuestion | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const done = async (message: string, title: string) => {
    notifySuccess(message, title);
    setQuestion(null);
    await refresh();
  };
  const unlock = useMutation(
    trpc.users.unlock.mutationOptions({
      onMutate: ({ id }) => setBusyId(id),
      onSettled: () => setBusyId(null),
      onSuccess: (u) => done(`${fullName(u)} can sign in again.`, 'Account unlocked'),
      onError: (err) => notifyFailure(err, 'Could not unlock the account'),
    }),
  );
  const setActive = useMutation(
    trpc.users.update.mutationOptions({
      onMutate: ({ id }) => setBusyId(id),
      onSettled: () => setBusyId(null),
      onSuccess: (u) =>
        done(
          u.is_active ? `${fullName(u)} can sign in again.` : `${fullName(u)} can no longer sign in; their sign-ins have ended.`,
          u.is_active ? 'Account activated' : 'Account deactivated',
        ),
      onError: (err) => notifyFailure(err, 'Could not change the account'),
    }),
  );
  const remove = useMutation(
    trpc.users.remove.mutationOptions({
      onSuccess: (_, { id }) => {
        const gone = question?.user;
        return done(gone && gone.id === id ? `${fullName(gone)} is deleted.` : 'The account is deleted.', 'Account deleted');
      },
      onError: (err) => notifyFailure(err, 'Could not delete the account'),
    }),
  );
  const clearPin = useMutation(
    trpc.users.clearPin.mutationOptions({
      onSuccess: () => {
        const whose = question?.user;
        return done(
          whose ? `${fullName(whose)} signs in with their password until they set a new PIN.` : 'The PIN is cleared.',
          'PIN cleared',
        );
      },
      onError: (err) => notifyFailure(err, 'Could not clear the PIN'),
    }),
  );

  return {
    question,
    ask: setQuestion,
    dismiss: () => setQuestion(null),
    /** The account whose unlock or activation is on its way. */
    busyId,
    unlock: (user: UserDto) => unlock.mutate({ id: user.id }),
    activate: (user: UserDto) => setActive.mutate({ id: user.id, changes: { is_active: true } }),
    deactivate: (user: UserDto) => setActive.mutate({ id: user.id, changes: { is_active: false } }),
    remove: (user: UserDto) => remove.mutate({ id: user.id }),
    clearPin: (user: UserDto) => clearPin.mutate({ id: user.id }),
    deactivating: setActive.isPending,
    deleting: remove.isPending,
    clearingPin: clearPin.isPending,
  };
}

export type AccountActions = ReturnType<typeof useAccountActions>;
