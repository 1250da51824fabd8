import type { Actor } from '../core/actor';
import type { TokenPair } from '../core/auth/sessions';
import type { Services } from '../core/create-services';
import { DomainError } from '../core/errors';
import type { PendingPasswordChange, UiSession } from './ui-session';

/**
 * The desktop window's sign-in, held in the main process. An expired access token is renewed
 * with the refresh token here, so the renderer never sees either. The screen asks for several
 * things at once: calls that find the token expired together share one renewal, and a call
 * that started before a renewal finished uses its result (rotating the old refresh token a
 * second time would look like reuse and sign the till out).
 */
export function createMemorySession(services: Services): UiSession {
  let tokens: TokenPair | null = null;
  let pending: PendingPasswordChange | null = null;
  let renewal: { from: TokenPair; result: Promise<Actor | null> } | null = null;

  async function renewOnce(current: TokenPair): Promise<Actor | null> {
    try {
      const next = await services.auth.refresh(current.refresh);
      // A sign-out or a new sign-in meanwhile wins over this renewal.
      if (tokens !== current) return tokens ? actorOf(tokens) : null;
      tokens = next;
      return await services.auth.authenticate(next.access);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (tokens === current) tokens = null;
      return null;
    }
  }

  function renew(current: TokenPair): Promise<Actor | null> {
    if (renewal?.from === current) return renewal.result;
    const result = renewOnce(current);
    renewal = { from: current, result };
    return result;
  }

  async function actorOf(current: TokenPair): Promise<Actor | null> {
    try {
      return await services.auth.authenticate(current.access);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.error !== 'token_expired') {
        if (tokens === current) tokens = null;
        return null;
      }
      // Renewed by another call since this one read the tokens: use the new ones.
      if (tokens !== current) return tokens ? actorOf(tokens) : null;
      return renew(current);
    }
  }

  return {
    async currentActor() {
      return tokens ? actorOf(tokens) : null;
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
