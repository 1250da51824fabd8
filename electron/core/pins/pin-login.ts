import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { registers } from '../../../db/schema';
import type { PinLoginInput } from '../../../shared/schemas/pins';
import type { LoginResult, SecretCheck } from '../auth/login';
import type { PasswordHasher } from '../auth/password-hasher';
import { forbidden, invalidField } from '../errors';
import type { DeviceTokens } from './device-tokens';

/**
 * Where a PIN sign-in comes from, as the adapter sees it: the shop computer itself (loopback, the
 * desktop window), a terminal presenting a device token, or anywhere else.
 */
export type DeviceOrigin = { kind: 'trusted' } | { kind: 'device_token'; token: string } | { kind: 'untrusted' };

interface PinLoginDeps {
  db: Db;
  hasher: PasswordHasher;
  deviceTokens: DeviceTokens;
  signInWithSecret(username: string, clientKey: string, secret: SecretCheck, now?: number): Promise<LoginResult>;
}

const untrustedDevice = () =>
  forbidden('PIN sign-in works only on the shop computer or on a register terminal with its device token. Sign in with your password.');

/**
 * The quick sign-in at the till (API-SELLING.md, "Staff PINs"): a short PIN is only safe where
 * the shop trusts the device, so anywhere else it is refused before any PIN is checked. The rest
 * is the password sign-in's door: the same throttle, lockout, 401 body and tokens.
 */
export function createPinLogin({ db, hasher, deviceTokens, signInWithSecret }: PinLoginDeps) {
  /** A token, when sent, decides alone: from loopback too, an unknown or replaced one is refused. */
  function assertTrusted(input: PinLoginInput, origin: DeviceOrigin): void {
    if (origin.kind === 'untrusted') throw untrustedDevice();
    if (origin.kind === 'device_token') {
      const registerId = deviceTokens.registerOf(origin.token);
      if (registerId === null) throw forbidden('This device token is unknown or has been replaced. Ask a manager for a new one.');
      if (input.register_id !== undefined && input.register_id !== registerId) {
        throw forbidden('This device token belongs to another register.');
      }
      return;
    }
    if (input.register_id !== undefined) {
      const known = db.select({ id: registers.id }).from(registers).where(eq(registers.id, input.register_id)).get();
      if (!known) throw invalidField('register_id', 'No such register.');
    }
  }

  return {
    async pinLogin(input: PinLoginInput, origin: DeviceOrigin, clientKey: string, now = Date.now()): Promise<LoginResult> {
      assertTrusted(input, origin);
      return signInWithSecret(
        input.username,
        clientKey,
        {
          // A user without a PIN is answered like an unknown one (and not counted toward lockout).
          canCheck: (user) => user.pinHash !== null,
          check: (user) => (user.pinHash === null ? Promise.resolve(false) : hasher.verify(input.pin, user.pinHash)),
          checkNothing: () => hasher.verifyAgainstNothing(input.pin),
        },
        now,
      );
    },
  };
}

export type PinLogin = ReturnType<typeof createPinLogin>;
