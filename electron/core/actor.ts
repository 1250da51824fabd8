import type { UserRow } from '../../db/schema';
import type { RoleKey } from '../../shared/roles';

/**
 * Who is asking: the account as re-read from the database on this very request, and the
 * token that proved it. Services take an Actor; adapters build it.
 */
export interface Actor {
  user: UserRow;
  role: RoleKey;
  /** The refresh family (sign-in) the access token belongs to. */
  sessionId: string;
  tokenId: string;
  tokenExpiresAt: number;
}
