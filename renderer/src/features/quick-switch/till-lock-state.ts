// The desk's lock flag as stored: its shape and how it is read back. Pure, so it can be tested.

/** Why the till shows the switch screen: someone handed over, or nobody touched it for a while. */
export type TillLockReason = 'switch' | 'idle';

/**
 * This desk is locked to the switch screen. A setting of the desk (like its register, in
 * desk-register.ts): local storage, so a reload of a locked till stays locked. The sign-in
 * itself is already gone when this is set; this only says which screen the next person sees.
 */
export interface TillLock {
  reason: TillLockReason;
  /** Who was signed in: the screen offers them first, and says their sale is parked. */
  username: string;
  name: string;
  /** The register this desk sells on, remembered while nobody may read the registers. */
  registerId: number | null;
  registerName: string | null;
  /**
   * Their sale in progress: none, parked for them (an open order), or kept on this till in their
   * own storage because it could not be parked (it comes back when they sign in here again).
   */
  sale: TillLockSale;
}

export type TillLockSale = 'none' | 'parked' | 'kept';

const isNullableNumber = (value: unknown): value is number | null =>
  value === null || (typeof value === 'number' && Number.isSafeInteger(value));
const isNullableString = (value: unknown): value is string | null => value === null || typeof value === 'string';

/** A stored lock, or null for anything else (nothing stored, an older shape, garbage). */
export function parseTillLock(stored: string | null): TillLock | null {
  if (stored === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record: Record<string, unknown> = { ...value };
  const { reason, username, name, registerId, registerName, sale } = record;
  if (reason !== 'switch' && reason !== 'idle') return null;
  if (typeof username !== 'string' || username === '' || typeof name !== 'string') return null;
  if (!isNullableNumber(registerId) || !isNullableString(registerName)) return null;
  return { reason, username, name, registerId, registerName, sale: sale === 'parked' || sale === 'kept' ? sale : 'none' };
}
