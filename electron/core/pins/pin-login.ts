import type { PinLoginInput } from '../../../shared/schemas/pins';
import type { LoginResult, SecretCheck } from '../auth/login';
import type { PasswordHasher } from '../auth/password-hasher';
import type { AssertTrustedDevice, DeviceOrigin } from './device-trust';

export type { DeviceOrigin } from './device-trust';

interface PinLoginDeps {
  hasher: PasswordHasher;
  assertTrustedDevice: AssertTrustedDevice;
  signInWithSecret(username: string, clientKey: string, secret: SecretCheck, now?: number): Promise<LoginResult>;
}

/**
 * The quick sign-in at the till (API-SELLING.md, "Staff PINs"): a short PIN is only safe where
 * the shop trusts the device, so anywhere else it is refused before any PIN is checked. The rest
 * is the password sign-in's door: the same throttle, lockout, 401 body and tokens.
 */
export function createPinLogin({ hasher, assertTrustedDevice, signInWithSecret }: PinLoginDeps) {
  return {
    async pinLogin(input: PinLoginInput, origin: DeviceOrigin, clientKey: string, now = Date.now()): Promise<LoginResult> {
      assertTrustedDevice(origin, input.register_id);
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
