import { DEFAULT_POLICIES } from '../../../shared/password-policy';
import type { RoleKey } from '../../../shared/roles';
import type { ApiClient } from '../api-client';
import { createSignedInUser, setupOwner, signIn, type SignedIn } from '../scenarios';
import { signInWithCookies, type CookieSession } from './cookie-login';
import type { Dictionary } from './dictionary';

/** Who sends a fuzzed request: nobody, or a signed-in user of each role. */
export type ActingRole = 'anonymous' | RoleKey;
export const ACTING_ROLES: readonly ActingRole[] = ['anonymous', 'customer', 'cashier', 'attendant', 'manager', 'super_admin'];

/** What an acting user presents: a bearer token (REST header mode) and a cookie session. */
export interface Credentials {
  access: string;
  cookie: CookieSession;
}

export interface ActingUser extends Credentials {
  role: RoleKey;
  id: number;
  username: string;
  password: string;
}

export interface ActingUsers {
  /** The owner from first-run setup: creates the others, never acts, never a mutation's target. */
  keeperToken(): string;
  get(role: RoleKey): ActingUser | undefined;
  /**
   * Every acting user still signed in (both ways) with the same role, else signed in again,
   * else re-created: whatever a successful write did (a sign-out, a deactivation, a new
   * password, a new role, a stricter policy), the remaining runs stay meaningful.
   */
  repair(): Promise<void>;
}

async function cookieSessionOf(api: ApiClient, username: string, password: string): Promise<CookieSession> {
  const session = await signInWithCookies(api, username, password);
  if (!session) throw new Error(`cookie sign-in of ${username} failed`);
  return session;
}

/** Sets the shop up, then one acting user per role (attendant and cashier under the manager). */
export async function createActingUsers(api: ApiClient, dictionary: Dictionary): Promise<ActingUsers> {
  let keeper: SignedIn = await setupOwner(api);
  dictionary.protectedIds.add(keeper.id);
  const actors = new Map<RoleKey, ActingUser>();

  async function createActor(role: RoleKey): Promise<void> {
    const manager = actors.get('manager');
    const extra = (role === 'attendant' || role === 'cashier') && manager ? { manager_id: manager.id } : {};
    const user = await createSignedInUser(api, keeper, role, extra);
    const cookie = await cookieSessionOf(api, user.username, user.password);
    dictionary.protectedIds.add(user.id);
    actors.set(role, { role, id: user.id, username: user.username, password: user.password, access: user.access, cookie });
  }

  for (const role of ['manager', 'super_admin', 'attendant', 'cashier', 'customer'] as const) await createActor(role);

  async function healthy(actor: ActingUser): Promise<{ bearer: boolean; cookie: boolean }> {
    const asExpected = (res: { status: number; body: unknown }) =>
      res.status === 200 && typeof res.body === 'object' && res.body !== null && 'role' in res.body && res.body.role === actor.role;
    const bearer = await api.get('/me', { token: actor.access });
    const cookie = await api.get('/me', { headers: { cookie: actor.cookie.cookie } });
    return { bearer: asExpected(bearer), cookie: asExpected(cookie) };
  }

  async function keepKeeper(): Promise<void> {
    if ((await api.get('/me', { token: keeper.access })).status === 200) return;
    keeper = await signIn(api, keeper.username, keeper.password);
  }

  /** A new bearer token, if the account still signs in with its role. */
  async function bearerAgain(actor: ActingUser): Promise<string | undefined> {
    const again = await api.post('/auth/login', { username: actor.username, password: actor.password });
    return again.status === 200 && again.body.user?.role === actor.role ? again.body.access : undefined;
  }

  async function repairActor(actor: ActingUser): Promise<void> {
    const state = await healthy(actor);
    if (state.bearer && state.cookie) return;
    const access = state.bearer ? actor.access : await bearerAgain(actor);
    const cookie = state.cookie ? actor.cookie : access ? await signInWithCookies(api, actor.username, actor.password) : null;
    if (access && cookie) {
      actors.set(actor.role, { ...actor, access, cookie });
      return;
    }
    // Signed out for good: a fresh one, under the default policy of its role so that its
    // password is accepted.
    await keepKeeper();
    await api.patch(`/roles/${actor.role}/settings`, DEFAULT_POLICIES[actor.role], { token: keeper.access });
    await createActor(actor.role);
  }

  return {
    keeperToken: () => keeper.access,
    get: (role) => actors.get(role),
    async repair() {
      await keepKeeper();
      for (const actor of [...actors.values()]) await repairActor(actor);
    },
  };
}
