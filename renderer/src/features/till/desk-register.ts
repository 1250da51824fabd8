import { useQuery } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { useTRPC } from '../../trpc/client';

/**
 * Which register this desk is. A setting of the desk, not of the person: it lives in this
 * window's local storage (the desktop app's own profile, or one browser in web mode), so every
 * cashier who signs in here sells on the same drawer. Unset (or a register since deleted) means
 * the shop's default register.
 */
const STORAGE_KEY = 'shopdesk.desk.register';
const listeners = new Set<() => void>();

function readStored(): number | null {
  try {
    const value = Number(localStorage.getItem(STORAGE_KEY));
    return Number.isSafeInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setDeskRegisterId(registerId: number): void {
  try {
    localStorage.setItem(STORAGE_KEY, String(registerId));
  } catch {
    // Without storage the desk falls back to the default register on the next start.
  }
  for (const listener of listeners) listener();
}

/** The desk's register (with its open session, if any) and a way to choose another. */
export function useDeskRegister() {
  const trpc = useTRPC();
  const storedId = useSyncExternalStore(subscribe, readStored, () => null);
  const registers = useQuery(trpc.registers.list.queryOptions());
  const list = registers.data ?? [];
  const register = list.find((r) => r.id === storedId) ?? list.find((r) => r.is_default) ?? null;
  const choose = useCallback((registerId: number) => setDeskRegisterId(registerId), []);
  return {
    register,
    registers: list,
    /** True once the list is known; until then `register` is null for lack of data, not of registers. */
    loaded: registers.isSuccess,
    openSessionId: register?.open_session_id ?? null,
    choose,
    refetch: registers.refetch,
  };
}
