import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { registers } from '../../../db/schema';
import { forbidden, invalidField } from '../errors';
import type { DeviceTokens } from './device-tokens';

/**
 * Where a request for the till's quick switch comes from, as the adapter sees it: the shop
 * computer itself (loopback, the desktop window), a terminal presenting a device token, or
 * anywhere else.
 */
export type DeviceOrigin = { kind: 'trusted' } | { kind: 'device_token'; token: string } | { kind: 'untrusted' };

interface DeviceTrustDeps {
  db: Db;
  deviceTokens: DeviceTokens;
}

const untrustedDevice = () =>
  forbidden('PIN sign-in works only on the shop computer or on a register terminal with its device token. Sign in with your password.');

/**
 * The one check of "is this the shop's own device" (API-SELLING.md, "Staff PINs"), shared by
 * the PIN sign-in and the quick-switch roster so the two can never disagree.
 */
export function createDeviceTrust({ db, deviceTokens }: DeviceTrustDeps) {
  /**
   * A token, when sent, decides alone: from loopback too, an unknown or replaced one is refused.
   * `registerId`, when given, must be the token's register (or, without a token, a known one).
   */
  return function assertTrustedDevice(origin: DeviceOrigin, registerId?: number): void {
    if (origin.kind === 'untrusted') throw untrustedDevice();
    if (origin.kind === 'device_token') {
      const tokenRegister = deviceTokens.registerOf(origin.token);
      if (tokenRegister === null) throw forbidden('This device token is unknown or has been replaced. Ask a manager for a new one.');
      if (registerId !== undefined && registerId !== tokenRegister) throw forbidden('This device token belongs to another register.');
      return;
    }
    if (registerId !== undefined) {
      const known = db.select({ id: registers.id }).from(registers).where(eq(registers.id, registerId)).get();
      if (!known) throw invalidField('register_id', 'No such register.');
    }
  };
}

export type AssertTrustedDevice = ReturnType<typeof createDeviceTrust>;
