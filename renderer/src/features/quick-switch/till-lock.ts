import { useSyncExternalStore } from 'react';
import { parseTillLock, type TillLock } from './till-lock-state';

export type { TillLock, TillLockReason, TillLockSale } from './till-lock-state';

/** Local storage, like the desk's register (desk-register.ts): a reload of a locked till stays locked. */
const STORAGE_KEY = 'shopdesk.desk.lock';
const listeners = new Set<() => void>();

// useSyncExternalStore wants the same object while nothing changed: parse once per stored text.
let cachedText: string | null = null;
let cachedLock: TillLock | null = null;

export function readTillLock(): TillLock | null {
  let text: string | null;
  try {
    text = localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
  if (text !== cachedText) {
    cachedText = text;
    cachedLock = parseTillLock(text);
  }
  return cachedLock;
}

function notify(): void {
  for (const listener of listeners) listener();
}

export function setTillLock(lock: TillLock): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(lock));
  } catch {
    // Without storage a reload shows Sign in instead: the sign-in is gone either way.
  }
  notify();
}

export function clearTillLock(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another window of this desk (web mode) locking or unlocking.
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The desk's lock as it changes. */
export function useTillLock(): TillLock | null {
  return useSyncExternalStore(subscribe, readTillLock, () => null);
}
