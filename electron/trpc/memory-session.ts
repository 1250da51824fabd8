import type { Actor } from '../core/actor';
import type { TokenPair } from '../core/auth/sessions';
import type { Services } from '../core/create-services';
import { DomainError } from '../core/errors';
import type { PendingPasswordChange, UiSession } from './ui-session';

/**
 * The desktop window's sign-in, held in the main process. An expired access token is renewed
 * with the refresh token here, so the renderer never sees either.
 */
export function createMemorySession(services: Services): UiSession {
  let tokens: TokenPair | null = null;
  let pending: PendingPasswordChange | null = null;

  async function renew(current: TokenPair): Promise<Actor | null> {
    try {
      tokens = await services.auth.refresh(current.refresh);
      return await services.auth.authenticate(tokens.access);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      tokens = null;
      return null;
    }
  }

  return {
    async currentActor() {
      const current = tokens;
      if (!current) return null;
      try {
        return await services.auth.authenticate(current.access);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.error === 'token_expired') return renew(current);
        tokens = null;
        return null;
      }
    },
    signIn(pair) {
      tokens = pair;
    },
    async signOut(actor) {
      const refresh = tokens?.refresh ?? null;
      tokens = null;
      await services.auth.logout(actor, refresh);
    },
    holdPasswordChange(next) {
      pending = next;
    },
    pendingPasswordChange: () => pending,
    clearPasswordChange() {
      pending = null;
    },
  };
}
