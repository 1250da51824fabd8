import { TRPCClientError } from '@trpc/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { can } from '../../shared/permissions';
import { ROLE_KEYS, type RoleKey } from '../../shared/roles';
import type { ApiResponse } from '../helpers/api-client';
import { createSignedInUser, setupOwner, signIn, uniqueName, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';
import { signedInTrpcClient, trpcErrorOf, type TrpcBrowserClient } from '../helpers/trpc-client';

/*
 * API-SELLING.md, "Shop settings": GET /shop for anyone signed in, PATCH /shop for the Super
 * Admin (any subset, audited), over REST and over the UI's tRPC, with the contract's defaults
 * and validation, and SHOPDESK_REGISTRATION winning over the stored switch.
 */

/** 'ok' for a 200, else the error code (with the status, unless a 403). */
const restOutcome = (res: ApiResponse): string =>
  res.status === 200 ? 'ok' : res.status === 403 ? String(res.body.error) : `${res.status} ${res.body.error}`;

async function trpcOutcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    if (error instanceof TRPCClientError) return (error.data as { apiError: { error: string } }).apiError.error;
    throw error;
  }
}

const MACHINE_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

const DEFAULTS = {
  name: 'My shop',
  address: '',
  tax_id: '',
  currency: 'EUR',
  time_zone: MACHINE_TIME_ZONE,
  prices_include_tax: true,
  cash_rounding_cents: 1,
  receipt_footer: '',
  registration: 'on',
  idle_lock_minutes: 5,
  variance_approval_cents: 500,
};

describe('shop settings', () => {
  let t: TestCore;
  let owner: SignedIn;
  let ui: TrpcBrowserClient;
  const actors = {} as Record<RoleKey, SignedIn>;

  beforeAll(async () => {
    t = await startTestCore({ webUi: {} });
    owner = await setupOwner(t.api);
    const manager = await createSignedInUser(t.api, owner, 'manager');
    const [attendant, cashier] = await Promise.all([
      createSignedInUser(t.api, manager, 'attendant'),
      createSignedInUser(t.api, manager, 'cashier'),
    ]);
    const username = uniqueName('cust');
    expect((await t.api.post('/auth/register', { username, password: PASSWORDS.customer })).status).toBe(201);
    const customer = await signIn(t.api, username, PASSWORDS.customer);
    Object.assign(actors, { super_admin: owner, manager, attendant, cashier, customer });
    ui = await signedInTrpcClient(t.core.url, owner.username, PASSWORDS.super_admin);
  }, 60_000);
  afterAll(() => t.stop());

  const patch = (body: unknown, as: SignedIn = owner) => t.api.patch('/shop', body, { token: as.access });

  it('starts with the contract’s defaults (the machine’s time zone), the same over REST and tRPC', async () => {
    const res = await t.api.get('/shop', { token: owner.access });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual(DEFAULTS);
    expect(await ui.shop.get.query()).toEqual(DEFAULTS);
    expect((await t.api.get('/shop')).status).toBe(401);
  });

  it('refuses what the contract does not allow, naming the field, and stores nothing', async () => {
    const refused: [Record<string, unknown>, string][] = [
      [{ currency: 'XYZ' }, 'currency'],
      [{ currency: 'eur' }, 'currency'],
      [{ time_zone: 'Mars/Olympus_Mons' }, 'time_zone'],
      [{ time_zone: 'europe/paris' }, 'time_zone'],
      [{ cash_rounding_cents: 3 }, 'cash_rounding_cents'],
      [{ cash_rounding_cents: '5' }, 'cash_rounding_cents'],
      [{ idle_lock_minutes: 241 }, 'idle_lock_minutes'],
      [{ idle_lock_minutes: 1.5 }, 'idle_lock_minutes'],
      [{ variance_approval_cents: -1 }, 'variance_approval_cents'],
      [{ prices_include_tax: 'yes' }, 'prices_include_tax'],
      [{ registration: 'maybe' }, 'registration'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: 'Shop\u001b@' }, 'name'],
      [{ tax_id: 'line\nbreak' }, 'tax_id'],
      [{ receipt_footer: 'f'.repeat(501) }, 'receipt_footer'],
      [{ receipt_footer: 'Thanks\u0007' }, 'receipt_footer'],
      [{ address: 'a'.repeat(301) }, 'address'],
      [{ name: 'Fine', opening_hours: '9-5' }, 'opening_hours'],
    ];
    for (const [body, field] of refused) {
      const res = await patch(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      expect(Object.keys(res.body.fields), JSON.stringify(body)).toEqual([field]);
    }
    expect((await patch({ opening_hours: '9-5' })).body.fields).toEqual({ opening_hours: ['Unknown field.'] });
    const overTrpc = await trpcErrorOf(ui.shop.update.mutate({ cash_rounding_cents: 3 as 5 }));
    expect(overTrpc).toMatchObject({ error: 'validation_failed', fields: { cash_rounding_cents: [expect.any(String)] } });
    expect((await t.api.get('/shop', { token: owner.access })).body).toEqual(DEFAULTS);
  });

  it('takes any subset from the Super Admin, over REST and tRPC, and audits what changed', async () => {
    const res = await patch({
      name: '  Corner Shop  ',
      address: 'High Street 1\r\n1000 Town',
      tax_id: 'VAT-123',
      currency: 'CHF',
      time_zone: 'Europe/Zurich',
      cash_rounding_cents: 5,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const changed = {
      ...DEFAULTS,
      name: 'Corner Shop',
      address: 'High Street 1\n1000 Town',
      tax_id: 'VAT-123',
      currency: 'CHF',
      time_zone: 'Europe/Zurich',
      cash_rounding_cents: 5,
    };
    expect(res.body).toEqual(changed);
    const viaTrpc = await ui.shop.update.mutate({
      prices_include_tax: false,
      receipt_footer: 'Thank you!',
      idle_lock_minutes: 0,
      time_zone: 'UTC',
    });
    const after = { ...changed, prices_include_tax: false, receipt_footer: 'Thank you!', idle_lock_minutes: 0, time_zone: 'UTC' };
    expect(viaTrpc).toEqual(after);
    expect((await t.api.get('/shop', { token: actors.cashier.access })).body).toEqual(after);
    // Nothing new to say: no audit row.
    expect((await patch({ currency: 'CHF' })).body).toEqual(after);
    expect((await patch({})).status).toBe(200);

    const log = await t.api.get('/audit-log?action=shop.updated', { token: owner.access });
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    expect(
      log.body.map((e: { actor: { id: number }; target_type: string; before: unknown; after: unknown }) => [
        e.actor.id,
        e.target_type,
        e.before,
        e.after,
      ]),
    ).toEqual([
      [
        owner.id,
        'settings',
        { time_zone: 'Europe/Zurich', prices_include_tax: true, receipt_footer: '', idle_lock_minutes: 5 },
        { time_zone: 'UTC', prices_include_tax: false, receipt_footer: 'Thank you!', idle_lock_minutes: 0 },
      ],
      [
        owner.id,
        'settings',
        { name: 'My shop', address: '', tax_id: '', currency: 'EUR', time_zone: MACHINE_TIME_ZONE, cash_rounding_cents: 1 },
        {
          name: 'Corner Shop',
          address: 'High Street 1\n1000 Town',
          tax_id: 'VAT-123',
          currency: 'CHF',
          time_zone: 'Europe/Zurich',
          cash_rounding_cents: 5,
        },
      ],
    ]);
  });

  it('follows the permission table for every role, over REST and tRPC', async () => {
    const failures: string[] = [];
    const expectOutcome = (where: string, got: string, want: string) => {
      if (got !== want) failures.push(`${where}: ${got}, want ${want}`);
    };
    for (const role of ROLE_KEYS) {
      const actor = actors[role];
      const roleUi = await signedInTrpcClient(t.core.url, actor.username, actor.password);
      const wantRead = can(role, 'shop.read') ? 'ok' : 'forbidden';
      const restRead = await t.api.get('/shop', { token: actor.access });
      expectOutcome(`REST GET /shop as ${role}`, restOutcome(restRead), wantRead);
      expectOutcome(`tRPC shop.get as ${role}`, await trpcOutcome(roleUi.shop.get.query()), wantRead);

      // The value it has: an allowed row changes nothing the other rows depend on.
      const wantUpdate = can(role, 'shop.update') ? 'ok' : 'forbidden';
      const restUpdate = await patch({ variance_approval_cents: 500 }, actor);
      expectOutcome(`REST PATCH /shop as ${role}`, restOutcome(restUpdate), wantUpdate);
      expectOutcome(
        `tRPC shop.update as ${role}`,
        await trpcOutcome(roleUi.shop.update.mutate({ variance_approval_cents: 500 })),
        wantUpdate,
      );
    }
    expect(failures).toEqual([]);
    expect(can('super_admin', 'shop.update') && !can('manager', 'shop.update') && can('customer', 'shop.read')).toBe(true);
  });

  it('registration is the stored switch of the settings screen: off here closes self-registration', async () => {
    expect((await patch({ registration: 'off' })).body.registration).toBe('off');
    expect(await ui.settings.customers.query()).toMatchObject({ registration: 'off' });
    expect((await t.api.post('/auth/register', { username: uniqueName('late'), password: PASSWORDS.customer })).body.error).toBe(
      'registration_disabled',
    );
    expect((await patch({ registration: 'on' })).body.registration).toBe('on');
  });
});

describe('shop settings with SHOPDESK_REGISTRATION set', () => {
  let t: TestCore;
  afterEach(() => t.stop());

  it('GET reports the environment’s value; a PATCH of registration is 409 invalid_state, other fields still save', async () => {
    t = await startTestCore({ webUi: {}, env: { registration: 'off' } });
    const owner = await setupOwner(t.api);
    expect((await t.api.get('/shop', { token: owner.access })).body.registration).toBe('off');

    const locked = await t.api.patch('/shop', { registration: 'on', name: 'Never saved' }, { token: owner.access });
    expect(locked.status, JSON.stringify(locked.body)).toBe(409);
    expect(locked.body).toEqual({ error: 'invalid_state', message: expect.stringContaining('SHOPDESK_REGISTRATION') });
    const ui = await signedInTrpcClient(t.core.url, owner.username, PASSWORDS.super_admin);
    expect((await trpcErrorOf(ui.shop.update.mutate({ registration: 'off' }))).error).toBe('invalid_state');

    const saved = await t.api.patch('/shop', { name: 'Corner Shop' }, { token: owner.access });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ name: 'Corner Shop', registration: 'off' });
    const log = await t.api.get('/audit-log?action=shop.updated', { token: owner.access });
    expect(log.body.map((e: { after: unknown }) => e.after)).toEqual([{ name: 'Corner Shop' }]);
  });
});
