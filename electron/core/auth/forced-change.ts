import type { PasswordChanger } from './authenticate';
import type { LoginResult, SignedIn } from './login';

interface ForcedChangeDeps {
  authenticateForPasswordChange(changeToken: string): Promise<PasswordChanger>;
  changePassword(who: PasswordChanger, oldPassword: string, newPassword: string): Promise<void>;
  signInAfterChange(userId: number): Promise<LoginResult>;
}

/**
 * The forced change after a code-4 sign-in, then the sign-in it was standing in for. The change
 * token names the account, so no user name from the client is trusted here.
 */
export function createForcedChangeService(deps: ForcedChangeDeps) {
  return {
    async completeForcedChange(changeToken: string, oldPassword: string, newPassword: string): Promise<SignedIn> {
      const who = await deps.authenticateForPasswordChange(changeToken);
      await deps.changePassword(who, oldPassword, newPassword);
      const outcome = await deps.signInAfterChange(who.userId);
      // A password set a moment ago is neither temporary nor expired: reaching this is a bug.
      if (outcome.kind !== 'signed_in') throw new Error('The account still needs a password change right after one.');
      const { kind: _kind, ...signedIn } = outcome;
      return signedIn;
    },
  };
}
