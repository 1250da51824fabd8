import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../electron/trpc/root';
import { createMemorySession } from '../../electron/trpc/memory-session';
import { DATABASE_FILE } from '../../electron/core/create-services';
import { createSignedInUser, openDrawer, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

/** API-SELLING.md, "approvals": a manager's PIN lets a cashier close a drawer beyond the shop's limit. */
describe('manager approval by PIN', () => {
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;
  let cashier: SignedIn;
  const MANAGER_PIN = '2580';
  const CASHIER_PIN = '1357';
  const token = (user: SignedIn) => ({ token: user.access });

  /** A fresh register with the cashier's drawer open on it, float 0. */
  async function cashierDrawer(): Promise<number> {
    const register = await t.api.post('/registers', { name: uniqueName('Till ') }, token(manager));
    expect(register.status, JSON.stringify(register.body)).toBe(201);
    return (await openDrawer(t.api, cashier, { registerId: register.body.id })).sessionId;
  }
  // 100.00 over an expected 0: far beyond the default limit of 5.00.
  const closeBeyond = (sessionId: number, approval?: unknown) =>
    t.api.post(`/cash-sessions/${sessionId}/close`, { counted_cash_cents: 10_000, ...(approval ? { approval } : {}) }, token(cashier));

  function stored(sessionId: number): { closed_by: number | null; close_approved_by: number | null } {
    const db = new Database(join(t.dataDir, DATABASE_FILE), { readonly: true });
    try {
      return db.prepare('select closed_by, close_approved_by from cash_sessions where id = ?').get(sessionId) as {
        closed_by: number | null;
        close_approved_by: number | null;
      };
    } finally {
      db.close();
    }
  }

  function failedAttempts(userId: number): number {
    const db = new Database(join(t.dataDir, DATABASE_FILE), { readonly: true });
    try {
      return (db.prepare('select failed_attempts from users where id = ?').get(userId) as { failed_attempts: number }).failed_attempts;
    } finally {
      db.close();
    }
  }

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    cashier = await createSignedInUser(t.api, manager, 'cashier');
    expect((await t.api.put('/me/pin', { password: manager.password, pin: MANAGER_PIN }, token(manager))).status).toBe(204);
    expect((await t.api.put('/me/pin', { password: cashier.password, pin: CASHIER_PIN }, token(cashier))).status).toBe(204);
  }, 60_000);
  afterAll(() => t.stop());

  it('without approval a cashier is 403 approval_required; with a manager’s PIN the close goes through', async () => {
    const sessionId = await cashierDrawer();
    expect((await closeBeyond(sessionId)).body.error).toBe('approval_required');
    const res = await closeBeyond(sessionId, { username: manager.username, pin: MANAGER_PIN });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'closed', closed_by: cashier.id, variance_cents: 10_000 });
    expect(stored(sessionId)).toEqual({ closed_by: cashier.id, close_approved_by: manager.id });

    // The audit row names both: the cashier as actor, the manager as approver; never the PIN.
    const audit = await t.api.get('/audit-log?action=cash_session.closed&limit=100', token(owner));
    const row = audit.body.find((e: { target_id: number }) => e.target_id === sessionId);
    expect(row.actor.id).toBe(cashier.id);
    expect(row.after).toMatchObject({ approved_by: manager.id, approved_by_username: manager.username });
    expect(JSON.stringify(audit.body)).not.toContain(MANAGER_PIN);
  });

  it('the super admin approves too, over tRPC (cashSessions.close count.approval)', async () => {
    expect((await t.api.put('/me/pin', { password: owner.password, pin: '9012' }, token(owner))).status).toBe(204);
    const sessionId = await cashierDrawer();
    const services = t.core.services;
    const caller = appRouter.createCaller({ services, session: createMemorySession(services), fromLoopback: true, clientKey: 'window:c' });
    await caller.auth.login({ username: cashier.username, password: cashier.password });
    const closed = await caller.cashSessions.close({
      id: sessionId,
      count: { counted_cash_cents: 10_000, approval: { username: owner.username, pin: '9012' } },
    });
    expect(closed.status).toBe('closed');
    expect(stored(sessionId).close_approved_by).toBe(owner.id);
  });

  it('a wrong PIN, an unknown user, a user without a PIN, or a cashier as approver is 403 approval_invalid', async () => {
    const sessionId = await cashierDrawer();
    const noPin = await createSignedInUser(t.api, owner, 'manager');
    const answers = [
      await closeBeyond(sessionId, { username: manager.username, pin: '0852' }),
      await closeBeyond(sessionId, { username: 'nobody-at-all', pin: MANAGER_PIN }),
      await closeBeyond(sessionId, { username: noPin.username, pin: MANAGER_PIN }),
      await closeBeyond(sessionId, { username: cashier.username, pin: CASHIER_PIN }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(403);
      expect(res.body).toEqual(answers[0]?.body);
    }
    expect(answers[0]?.body.error).toBe('approval_invalid');
    expect(failedAttempts(manager.id)).toBe(1);
    expect(failedAttempts(cashier.id)).toBe(0);
    // Still open: nothing was closed.
    expect((await t.api.get(`/cash-sessions/${sessionId}`, token(cashier))).body.status).toBe('open');
    // A malformed approval is a 400 like any body.
    expect((await closeBeyond(sessionId, { username: manager.username })).status).toBe(400);
    // The right PIN still works (and ends the run of wrong ones).
    expect((await closeBeyond(sessionId, { username: manager.username, pin: MANAGER_PIN })).status).toBe(200);
    expect(failedAttempts(manager.id)).toBe(0);
  });

  it('wrong approval PINs count toward the approver’s lockout; a locked manager cannot approve', async () => {
    const approver = await createSignedInUser(t.api, owner, 'manager');
    expect((await t.api.put('/me/pin', { password: approver.password, pin: '4826' }, token(approver))).status).toBe(204);
    const sessionId = await cashierDrawer();
    for (let attempt = 1; attempt <= 5; attempt++) {
      const res = await closeBeyond(sessionId, { username: approver.username, pin: '6284' });
      expect(res.body.error, `attempt ${attempt}`).toBe('approval_invalid');
    }
    // Locked: the right PIN does not approve, and the account's sign-ins are locked too.
    expect((await closeBeyond(sessionId, { username: approver.username, pin: '4826' })).body.error).toBe('approval_invalid');
    expect((await t.api.post('/auth/login', { username: approver.username, password: approver.password })).status).toBe(423);
    const audit = await t.api.get('/audit-log?action=user.locked&limit=50', token(owner));
    expect(audit.body.some((e: { target_id: number }) => e.target_id === approver.id)).toBe(true);

    expect((await t.api.post(`/users/${approver.id}/unlock`, {}, token(owner))).status).toBe(200);
    expect((await closeBeyond(sessionId, { username: approver.username, pin: '4826' })).status).toBe(200);
  });

  it('another’s session is 404 before any approver’s PIN is tried', async () => {
    const other = await createSignedInUser(t.api, manager, 'cashier');
    const register = await t.api.post('/registers', { name: uniqueName('Till ') }, token(manager));
    const { sessionId } = await openDrawer(t.api, other, { registerId: register.body.id });
    const before = failedAttempts(manager.id);
    const res = await closeBeyond(sessionId, { username: manager.username, pin: '0000' });
    expect(res.status).toBe(404);
    expect(failedAttempts(manager.id)).toBe(before);
  });
});
