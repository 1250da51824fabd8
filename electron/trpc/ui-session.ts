import type { Actor } from '../core/actor';
import type { TokenPair } from '../core/auth/sessions';

/**
 * Where the UI's sign-in lives. In the desktop app it is memory in the main process, bound to
 * the window (the renderer never holds a refresh token); in headless web mode it is the cookie
 * session of docs/contract/API.md. Procedures only see this interface.
 */
export interface UiSession {
  /** The signed-in actor, or null when there is no (longer a) live sign-in. */
  currentActor(): Promise<Actor | null>;
  signIn(pair: TokenPair): void;
  signOut(actor: Actor): Promise<void>;
  /** Keeps the change token of a code-4 sign-in out of the renderer's reach. */
  holdPasswordChange(pending: PendingPasswordChange): void;
  pendingPasswordChange(): PendingPasswordChange | null;
  clearPasswordChange(): void;
}

export interface PendingPasswordChange {
  username: string;
  changeToken: string;
}
