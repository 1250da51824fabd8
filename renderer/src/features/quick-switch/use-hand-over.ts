import { notifications } from '@mantine/notifications';
import { hashKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { UserDto } from '../../../../shared/schemas/users';
import { isSessionEnded } from '../../lib/api-error';
import { fullName } from '../../lib/names';
import { notifyFailure } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { newSale } from '../pos/cart';
import { orderBodyOf } from '../pos/order-body';
import { loadSale, storeSale } from '../pos/sale-storage';
import { useDeskRegister } from '../till/desk-register';
import { clearTillLock, setTillLock, type TillLockReason, type TillLockSale } from './till-lock';

export interface HandOverOptions {
  /** The sale on screen was parked: the page showing it empties its cart. */
  onParked?: () => void;
}

export interface HandOver {
  /** Parks the signed-in person's sale, drops their sign-in, and shows the switch screen. */
  start: (reason: TillLockReason, options?: HandOverOptions) => Promise<void>;
  running: boolean;
}

/**
 * Handing the till over (Switch user, F9, Lock till, the idle lock): the sale in progress is
 * parked for its owner as an open order (its own idempotency key, so a retry cannot park it
 * twice); when it cannot be, it stays in the owner's own per-user storage, never in the next
 * person's. Then the sign-in is dropped for real (`auth.logout`: tokens forgotten, refresh
 * revoked) and the desk's lock flag makes the app show the switch screen. The drawer's cash
 * session belongs to the register: it stays open.
 */
export function useHandOver(user: UserDto): HandOver {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const desk = useDeskRegister();
  const createOrder = useMutation(trpc.orders.create.mutationOptions());
  const logout = useMutation(trpc.auth.logout.mutationOptions());
  const [running, setRunning] = useState(false);
  const runningRef = useRef(false);

  // Someone is signed in: a lock left behind (a tab closed mid-switch) must not outlive them.
  useEffect(() => clearTillLock(), []);

  const parkSale = async (onParked: (() => void) | undefined): Promise<TillLockSale> => {
    const sale = loadSale(user.id);
    if (sale.lines.length === 0) return 'none';
    try {
      // Its discounts go with it; one beyond the cashier's limit cannot be parked without a manager, so it is kept.
      await createOrder.mutateAsync({ ...orderBodyOf(sale), idempotency_key: sale.key });
      storeSale(user.id, newSale());
      onParked?.();
      return 'parked';
    } catch {
      // Kept where it is: only its owner's sign-in on this till reads it back.
      return 'kept';
    }
  };

  const run = async (reason: TillLockReason, options: HandOverOptions = {}) => {
    const sale = await parkSale(options.onParked);
    setTillLock({
      reason,
      username: user.username,
      name: fullName(user),
      registerId: desk.register?.id ?? null,
      registerName: desk.register?.name ?? null,
      sale,
    });
    try {
      await logout.mutateAsync();
    } catch (error) {
      // Already signed out elsewhere is as good; anything else leaves the sign-in in place.
      if (!isSessionEnded(error)) {
        clearTillLock();
        notifyFailure(error, 'The till was not locked');
        return;
      }
    }
    void navigate('/', { replace: true });
    const stateKey = trpc.auth.state.queryKey();
    // Nothing of this person's stays cached, nor on the screen, for the next one.
    queryClient.removeQueries({ predicate: (query) => query.queryHash !== hashKey(stateKey) });
    notifications.clean();
    await queryClient.invalidateQueries({ queryKey: stateKey });
  };

  const latestRun = useRef(run);
  latestRun.current = run;

  const start = useCallback(async (reason: TillLockReason, options?: HandOverOptions) => {
    if (runningRef.current) return;
    runningRef.current = true;
    setRunning(true);
    try {
      await latestRun.current(reason, options);
    } finally {
      runningRef.current = false;
      setRunning(false);
    }
  }, []);

  return { start, running };
}
