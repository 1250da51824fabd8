import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySession } from '../../electron/trpc/memory-session';
import { appRouter } from '../../electron/trpc/root';
import { closedPort, decodeEscPos, startFakePrinter, type FakePrinter } from '../helpers/fake-printer';
import { createSignedInUser, openDrawer, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

/**
 * API-SELLING.md, "Receipts and printers": printers over REST, the print queue with its retries,
 * and a fake network printer on loopback that keeps the bytes it receives. The sale is durable
 * before anything prints: a printer that is off leaves it intact and its job queued.
 */

type Job = { id: number; status: string; attempts: number; last_error: string | null; ref_type: string; ref_id: number | null };

describe('printers and the print queue', () => {
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;
  let cashier: SignedIn;
  let registerId: number;
  let productId: number;
  let printer: FakePrinter;

  beforeAll(async () => {
    // A failed send is tried again after 50 ms, then not for a minute: long enough to see it queued.
    t = await startTestCore({ printing: { retryDelaysMs: [50, 60_000], pollIntervalMs: 50, sendTimeoutMs: 2_000 } });
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    cashier = await createSignedInUser(t.api, manager, 'cashier');
    ({ registerId } = await openDrawer(t.api, cashier, { floatCents: 10_000 }));
    const product = await t.api.post(
      '/products',
      { sku: uniqueName('PR').toUpperCase(), name: 'Printed milk', price_cents: 250, stock: 1000 },
      { token: manager.access },
    );
    expect(product.status, JSON.stringify(product.body)).toBe(201);
    productId = product.body.id;
    printer = await startFakePrinter();
  }, 60_000);
  afterAll(async () => {
    await printer.stop();
    await t.stop();
  });

  const asManager = {
    get token() {
      return manager.access;
    },
  };
  async function setRegisterPrinter(register: number, printerId: number | null): Promise<void> {
    const res = await t.api.patch(`/registers/${register}`, { printer_id: printerId }, asManager);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.printer_id).toBe(printerId);
  }

  async function addPrinter(fields: Record<string, unknown>): Promise<number> {
    const res = await t.api.post('/printers', { name: uniqueName('Printer '), ...fields }, asManager);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  }

  async function sell(method: 'cash' | 'card', register = registerId, user = cashier) {
    const payment = method === 'cash' ? { method, amount_cents: 250, tendered_cents: 500 } : { method, amount_cents: 250 };
    const res = await t.api.post(
      '/orders',
      { items: [{ product_id: productId, amount: 1 }], complete: true, register_id: register, payments: [payment] },
      { token: user.access },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.status).toBe('completed');
    return res.body as { id: number; receipt_no: number; items: { order_item_id: number }[] };
  }

  async function job(id: number): Promise<Job> {
    const res = await t.api.get(`/print-jobs/${id}`, asManager);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }

  async function waitForJob(id: number, done: (j: Job) => boolean): Promise<Job> {
    const until = Date.now() + 8_000;
    for (;;) {
      const current = await job(id);
      if (done(current)) return current;
      if (Date.now() > until) throw new Error(`job ${id} stayed ${JSON.stringify(current)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it('prints a cash sale on a network printer: init, the receipt lines, the drawer kick and the cut; a reprint opens no drawer', async () => {
    const printerId = await addPrinter({ kind: 'network', address: printer.address, width: 48, open_drawer_on_cash: true, cut: true });
    const sale = await sell('cash');
    const before = printer.jobs.length;
    const queued = await t.api.post(`/orders/${sale.id}/receipt/print`, { printer_id: printerId }, { token: cashier.access });
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    expect(queued.body).toEqual({ job_id: expect.any(Number) });
    const [bytes] = (await printer.waitForJobs(before + 1)).slice(before);
    const decoded = decodeEscPos(bytes ?? Buffer.alloc(0));
    expect(decoded.commands[0]).toBe('init');
    expect(decoded.lines).toContain(`Receipt ${sale.receipt_no}`);
    expect(decoded.lines).toContain('Printed milk');
    expect(decoded.lines.some((line) => /^ {2}1 x 2\.50 +2\.50$/.test(line))).toBe(true);
    expect(decoded.lines.some((line) => /^ {2}Change +2\.50$/.test(line))).toBe(true);
    expect(decoded.commands.filter((c) => c === 'pulse')).toHaveLength(1);
    expect(decoded.commands.at(-1)).toBe('cut');
    expect(await waitForJob(queued.body.job_id, (j) => j.status === 'printed')).toMatchObject({
      status: 'printed',
      attempts: 1,
      last_error: null,
      ref_type: 'order',
      ref_id: sale.id,
    });

    const reprint = await t.api.post(`/orders/${sale.id}/receipt/print`, { printer_id: printerId }, { token: manager.access });
    expect(reprint.status).toBe(202);
    const again = decodeEscPos((await printer.waitForJobs(before + 2))[before + 1] ?? Buffer.alloc(0));
    expect(again.lines.some((line) => line.includes(String(sale.receipt_no)))).toBe(true);
    expect(again.commands).not.toContain('pulse');
  });

  it('kicks no drawer for a card sale, and leaves out the cut when the printer does not cut', async () => {
    const printerId = await addPrinter({ kind: 'network', address: printer.address, width: 32, open_drawer_on_cash: true, cut: false });
    const sale = await sell('card');
    const before = printer.jobs.length;
    expect((await t.api.post(`/orders/${sale.id}/receipt/print`, { printer_id: printerId }, { token: cashier.access })).status).toBe(202);
    const decoded = decodeEscPos((await printer.waitForJobs(before + 1))[before] ?? Buffer.alloc(0));
    expect(decoded.commands).not.toContain('pulse');
    expect(decoded.commands).not.toContain('cut');
    expect(decoded.lines.filter((line) => line.length > 32)).toEqual([]);
  });

  it('never loses a sale to a printer that is off: the sale stands, the job stays queued with the error, and a retry prints it', async () => {
    const port = await closedPort();
    const printerId = await addPrinter({ kind: 'network', address: `127.0.0.1:${port}` });
    const sale = await sell('cash');
    const queued = await t.api.post(`/orders/${sale.id}/receipt/print`, { printer_id: printerId }, { token: cashier.access });
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    const waiting = await waitForJob(queued.body.job_id, (j) => j.attempts >= 2);
    expect(waiting.status).toBe('queued');
    expect(waiting.last_error).toMatch(/refused the connection/);
    expect((await t.api.get(`/orders/${sale.id}`, { token: cashier.access })).body.status).toBe('completed');
    const list = await t.api.get('/print-jobs?status=queued', asManager);
    expect(list.status).toBe(200);
    expect((list.body as Job[]).map((j) => j.id)).toContain(queued.body.job_id);

    const revived = await startFakePrinter(port);
    try {
      const retried = await t.api.post(`/print-jobs/${queued.body.job_id}/retry`, {}, asManager);
      expect(retried.status, JSON.stringify(retried.body)).toBe(202);
      await revived.waitForJobs(1);
      const printed = await waitForJob(queued.body.job_id, (j) => j.status === 'printed');
      expect(printed.last_error).toBeNull();
      const decoded = decodeEscPos(revived.jobs[0] ?? Buffer.alloc(0));
      expect(decoded.lines.some((line) => line.includes(String(sale.receipt_no)))).toBe(true);
      // A printed job is not sent again by retry: that is a reprint.
      expect((await t.api.post(`/print-jobs/${queued.body.job_id}/retry`, {}, asManager)).status).toBe(409);
    } finally {
      await revived.stop();
    }
  });

  it('the till follows its sale’s print jobs and retries them itself; other jobs stay the managers’', async () => {
    const port = await closedPort();
    const printerId = await addPrinter({ kind: 'network', address: `127.0.0.1:${port}` });
    const sale = await sell('card');
    const queued = await t.api.post(`/orders/${sale.id}/receipt/print`, { printer_id: printerId }, { token: cashier.access });
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    await waitForJob(queued.body.job_id, (j) => j.attempts >= 1);
    const followed = await t.api.get(`/orders/${sale.id}/receipt/print-jobs`, { token: cashier.access });
    expect(followed.status, JSON.stringify(followed.body)).toBe(200);
    expect(followed.body).toEqual([expect.objectContaining({ id: queued.body.job_id, status: 'queued', last_error: expect.any(String) })]);
    // The cashier may not read the queue itself, nor retry a test page.
    expect((await t.api.get(`/print-jobs/${queued.body.job_id}`, { token: cashier.access })).status).toBe(403);
    const test = await t.api.post(`/printers/${printerId}/test`, {}, asManager);
    expect(test.status).toBe(202);
    const testRetry = await t.api.post(`/print-jobs/${test.body.job_id}/retry`, {}, { token: cashier.access });
    expect(testRetry.status).toBe(403);

    const revived = await startFakePrinter(port);
    try {
      const retried = await t.api.post(`/print-jobs/${queued.body.job_id}/retry`, {}, { token: cashier.access });
      expect(retried.status, JSON.stringify(retried.body)).toBe(202);
      await waitForJob(queued.body.job_id, (j) => j.status === 'printed');
    } finally {
      await revived.stop();
    }
    const after = await t.api.get(`/orders/${sale.id}/receipt/print-jobs`, { token: cashier.access });
    expect(after.body[0]).toMatchObject({ status: 'printed', last_error: null });
    expect((await t.api.get('/orders/999999/receipt/print-jobs', { token: cashier.access })).status).toBe(404);
  });

  it('auto-prints on the register’s printer after the sale, and a printer that is off fails no sale', async () => {
    const register = await t.api.post('/registers', { name: uniqueName('Auto till ') }, asManager);
    expect(register.status).toBe(201);
    await openDrawer(t.api, cashier, { registerId: register.body.id });
    const printerId = await addPrinter({ kind: 'network', address: printer.address, auto_print: true, open_drawer_on_cash: true });
    await setRegisterPrinter(register.body.id, printerId);
    const before = printer.jobs.length;
    const sale = await sell('cash', register.body.id);
    const decoded = decodeEscPos((await printer.waitForJobs(before + 1))[before] ?? Buffer.alloc(0));
    expect(decoded.lines).toContain(`Receipt ${sale.receipt_no}`);
    expect(decoded.commands).toContain('pulse');

    // Without printer_id, the register's printer.
    const byRegister = await t.api.post(`/orders/${sale.id}/receipt/print`, {}, { token: cashier.access });
    expect(byRegister.status, JSON.stringify(byRegister.body)).toBe(202);
    await printer.waitForJobs(before + 2);

    const offPrinter = await addPrinter({ kind: 'network', address: `127.0.0.1:${await closedPort()}`, auto_print: true });
    await setRegisterPrinter(register.body.id, offPrinter);
    const unprinted = await sell('cash', register.body.id);
    const jobs = (await t.api.get('/print-jobs', asManager)).body as Job[];
    const auto = jobs.find((j) => j.ref_type === 'order' && j.ref_id === unprinted.id);
    expect(auto).toBeDefined();
    expect(await waitForJob(auto?.id ?? 0, (j) => j.attempts >= 1)).toMatchObject({ status: 'queued', last_error: expect.any(String) });
    expect((await t.api.get(`/orders/${unprinted.id}`, { token: cashier.access })).body.status).toBe('completed');
  });

  it('answers 409 when the register has no printer, or the printer is the browser’s', async () => {
    await setRegisterPrinter(registerId, null);
    const sale = await sell('card');
    const none = await t.api.post(`/orders/${sale.id}/receipt/print`, {}, { token: cashier.access });
    expect(none.status).toBe(409);
    expect(none.body).toMatchObject({ error: 'invalid_state', message: expect.stringMatching(/No printer is set for this register/) });
    const browser = await addPrinter({ kind: 'browser' });
    const refused = await t.api.post(`/orders/${sale.id}/receipt/print`, { printer_id: browser }, { token: cashier.access });
    expect(refused.status).toBe(409);
    const unknown = await t.api.post(`/orders/${sale.id}/receipt/print`, { printer_id: 999_999 }, { token: cashier.access });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toHaveProperty('printer_id');
  });

  it('prints a refund’s receipt', async () => {
    const printerId = await addPrinter({ kind: 'network', address: printer.address });
    const sale = await sell('card');
    const refund = await t.api.post(
      `/orders/${sale.id}/refunds`,
      {
        items: [{ order_item_id: sale.items[0]?.order_item_id, amount: 1, restock: true }],
        payments: [{ method: 'card', amount_cents: 250 }],
        reason: 'Spilt',
      },
      asManager,
    );
    expect(refund.status, JSON.stringify(refund.body)).toBe(201);
    const before = printer.jobs.length;
    const queued = await t.api.post(`/refunds/${refund.body.id}/receipt/print`, { printer_id: printerId }, asManager);
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    const decoded = decodeEscPos((await printer.waitForJobs(before + 1))[before] ?? Buffer.alloc(0));
    expect(decoded.lines).toContain(`Refund of receipt ${sale.receipt_no}`);
    expect(decoded.lines.some((line) => /^REFUND TOTAL EUR +2\.50$/.test(line))).toBe(true);
  });

  it('in the tests, a printer beyond loopback is never reached: its job waits with the reason', async () => {
    const printerId = await addPrinter({ kind: 'network', address: 'printer.example.test:9100' });
    const test = await t.api.post(`/printers/${printerId}/test`, {}, asManager);
    expect(test.status, JSON.stringify(test.body)).toBe(202);
    const waiting = await waitForJob(test.body.job_id, (j) => j.attempts >= 1);
    expect(waiting.last_error).toMatch(/Only loopback printers here/);
  });

  it('prints a test page, which never opens the drawer', async () => {
    const printerId = await addPrinter({ kind: 'network', address: printer.address, width: 32, open_drawer_on_cash: true });
    const before = printer.jobs.length;
    const queued = await t.api.post(`/printers/${printerId}/test`, {}, asManager);
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    const decoded = decodeEscPos((await printer.waitForJobs(before + 1))[before] ?? Buffer.alloc(0));
    expect(decoded.lines.map((line) => line.trim())).toContain('ShopDesk test page');
    expect(decoded.lines).toContain('12345678901234567890123456789012');
    expect(decoded.commands).toContain('cut');
    expect(decoded.commands).not.toContain('pulse');
    expect(await waitForJob(queued.body.job_id, (j) => j.status === 'printed')).toMatchObject({ ref_type: 'test', ref_id: null });
  });

  it('checks a printer’s address against its kind, and hides a deleted printer', async () => {
    for (const [fields, field] of [
      [{ kind: 'network' }, 'address'],
      [{ kind: 'network', address: 'printer.local:99999' }, 'address'],
      [{ kind: 'network', address: 'two words' }, 'address'],
      [{ kind: 'system' }, 'address'],
      [{ kind: 'network', address: '10.0.0.5', width: 40 }, 'width'],
    ] as const) {
      const res = await t.api.post('/printers', { name: 'Bad', ...fields }, asManager);
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(res.body.fields, JSON.stringify(res.body)).toHaveProperty(field);
    }
    const created = await t.api.post('/printers', { name: 'Front', kind: 'network', address: 'receipts.local' }, asManager);
    expect(created.body).toMatchObject({
      kind: 'network',
      address: 'receipts.local',
      width: 48,
      auto_print: false,
      open_drawer_on_cash: false,
      cut: true,
    });
    const moved = await t.api.patch(`/printers/${created.body.id}`, { kind: 'system', address: 'EPSON TM-T20' }, asManager);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ kind: 'system', address: 'EPSON TM-T20' });
    expect((await t.api.patch(`/printers/${created.body.id}`, { kind: 'network' }, asManager)).status).toBe(400);
    expect((await t.api.delete(`/printers/${created.body.id}`, asManager)).status).toBe(204);
    const list = await t.api.get('/printers', asManager);
    expect((list.body as { id: number }[]).map((p) => p.id)).not.toContain(created.body.id);
    expect((await t.api.patch(`/printers/${created.body.id}`, { name: 'Back' }, asManager)).status).toBe(404);
  });

  it('a system printer cannot print from the headless server: its job says so and waits', async () => {
    const printerId = await addPrinter({ kind: 'system', address: 'Office laser' });
    const queued = await t.api.post(`/printers/${printerId}/test`, {}, asManager);
    expect(queued.status).toBe(202);
    const waiting = await waitForJob(queued.body.job_id, (j) => j.attempts >= 1);
    expect(waiting.last_error).toMatch(/desktop app/);
  });

  it('sets a register’s printer by PATCH: only a printer that exists and is not deleted, or null', async () => {
    const printerId = await addPrinter({ kind: 'network', address: printer.address });
    const register = await t.api.post('/registers', { name: uniqueName('Printing till ') }, asManager);
    expect(register.status).toBe(201);
    const at = `/registers/${register.body.id}`;
    for (const bad of [999_999, 0, -1, 'one', 1.5]) {
      const res = await t.api.patch(at, { printer_id: bad }, asManager);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.fields, JSON.stringify(res.body)).toHaveProperty('printer_id');
    }
    await setRegisterPrinter(register.body.id, printerId);
    expect((await t.api.patch(at, { printer_id: printerId }, { token: cashier.access })).status).toBe(403);

    const deleted = await addPrinter({ kind: 'browser' });
    expect((await t.api.delete(`/printers/${deleted}`, asManager)).status).toBe(204);
    const refused = await t.api.patch(at, { printer_id: deleted }, asManager);
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toHaveProperty('printer_id');
    // A refused change leaves the printer it had.
    expect(
      ((await t.api.get('/registers', asManager)).body as { id: number; printer_id: number | null }[]).find(
        (r) => r.id === register.body.id,
      )?.printer_id,
    ).toBe(printerId);

    // Deleting the register's printer leaves it with none.
    await setRegisterPrinter(register.body.id, null);
    const deletedLater = await addPrinter({ kind: 'network', address: printer.address });
    await setRegisterPrinter(register.body.id, deletedLater);
    expect((await t.api.delete(`/printers/${deletedLater}`, asManager)).status).toBe(204);
    expect(
      ((await t.api.get('/registers', asManager)).body as { id: number; printer_id: number | null }[]).find(
        (r) => r.id === register.body.id,
      )?.printer_id,
    ).toBeNull();

    const log = await t.api.get('/audit-log?action=register.updated&limit=50', { token: owner.access });
    const mine = (log.body as { target_id: number; before: unknown; after: unknown }[]).filter((e) => e.target_id === register.body.id);
    expect(mine[mine.length - 1]).toMatchObject({ before: { printer_id: null }, after: { printer_id: printerId } });
  });

  it('audits printers added, changed and deleted, with what changed', async () => {
    const name = uniqueName('Audited printer ');
    const created = await t.api.post('/printers', { name, kind: 'network', address: '10.0.0.9' }, asManager);
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    expect((await t.api.patch(`/printers/${id}`, { width: 32, cut: false }, asManager)).status).toBe(200);
    // A PATCH that changes nothing writes nothing; neither does a refused one.
    expect((await t.api.patch(`/printers/${id}`, { width: 32 }, asManager)).status).toBe(200);
    expect((await t.api.patch(`/printers/${id}`, { kind: 'system', address: '' }, asManager)).status).toBe(400);
    expect((await t.api.delete(`/printers/${id}`, asManager)).status).toBe(204);

    const log = await t.api.get('/audit-log?action=printer&limit=200', { token: owner.access });
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    const mine = (
      log.body as {
        action: string;
        actor: { id: number } | null;
        target_type: string;
        target_id: number;
        before: unknown;
        after: unknown;
      }[]
    )
      .filter((e) => e.target_type === 'printer' && e.target_id === id)
      .map((e) => ({ action: e.action, actor: e.actor?.id, before: e.before, after: e.after }));
    const fields = { name, kind: 'network', address: '10.0.0.9', width: 48, auto_print: false, open_drawer_on_cash: false, cut: true };
    expect(mine).toEqual([
      { action: 'printer.deleted', actor: manager.id, before: { ...fields, width: 32, cut: false }, after: null },
      { action: 'printer.updated', actor: manager.id, before: { width: 48, cut: true }, after: { width: 32, cut: false } },
      { action: 'printer.created', actor: manager.id, before: null, after: fields },
    ]);
  });

  it('keeps printers and the queue for managers: a cashier cannot create printers or read jobs', async () => {
    const created = await t.api.post('/printers', { name: 'Mine', kind: 'browser' }, { token: cashier.access });
    expect(created.status).toBe(403);
    expect(created.body.error).toBe('forbidden');
    expect((await t.api.get('/printers', { token: cashier.access })).status).toBe(403);
    expect((await t.api.get('/print-jobs', { token: cashier.access })).status).toBe(403);
  });
});

describe('a print job that keeps failing', () => {
  let t: TestCore;
  let owner: SignedIn;

  beforeAll(async () => {
    t = await startTestCore({ printing: { retryDelaysMs: [20], pollIntervalMs: 20, sendTimeoutMs: 1_000 } });
    owner = await setupOwner(t.api);
  }, 60_000);
  afterAll(() => t.stop());

  it('is `failed` after its retries, and a manager’s retry sends it again', async () => {
    const port = await closedPort();
    const created = await t.api.post('/printers', { name: 'Off', kind: 'network', address: `127.0.0.1:${port}` }, { token: owner.access });
    expect(created.status).toBe(201);
    const queued = await t.api.post(`/printers/${created.body.id}/test`, {}, { token: owner.access });
    expect(queued.status).toBe(202);
    const until = Date.now() + 8_000;
    let failed: Job | undefined;
    while (Date.now() < until) {
      const list = await t.api.get('/print-jobs?status=failed', { token: owner.access });
      failed = (list.body as Job[]).find((j) => j.id === queued.body.job_id);
      if (failed) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, last_error: expect.stringMatching(/refused/) });

    const revived = await startFakePrinter(port);
    try {
      expect((await t.api.post(`/print-jobs/${queued.body.job_id}/retry`, {}, { token: owner.access })).status).toBe(202);
      await revived.waitForJobs(1);
      expect(decodeEscPos(revived.jobs[0] ?? Buffer.alloc(0)).lines.map((line) => line.trim())).toContain('ShopDesk test page');
    } finally {
      await revived.stop();
    }
  });
});

/** A caller of the UI's tRPC router, signed in as `user` (what the desktop window and the browser UI use). */
async function uiCaller(t: TestCore, user: SignedIn) {
  const caller = appRouter.createCaller({
    services: t.core.services,
    session: createMemorySession(t.core.services),
    fromLoopback: true,
    clientKey: `window:printing-${uniqueName('c')}`,
  });
  await caller.auth.login({ username: user.username, password: user.password });
  return caller;
}

describe('the desktop’s OS printers', () => {
  it('are not there in plain Node: the list says unavailable and is empty', async () => {
    const t = await startTestCore();
    try {
      const owner = await setupOwner(t.api);
      const ui = await uiCaller(t, owner);
      expect(await ui.printing.systemPrinters()).toEqual({ available: false, printers: [] });
    } finally {
      await t.stop();
    }
  });

  it('come from the desktop’s hooks: its list, and a system printer’s job printed by name with the page’s HTML', async () => {
    const printed: { name: string; html: string }[] = [];
    const t = await startTestCore({
      printing: {
        pollIntervalMs: 50,
        retryDelaysMs: [50],
        systemPrint: (name, html) => {
          printed.push({ name, html });
          return Promise.resolve();
        },
        systemPrinters: () => Promise.resolve([{ name: 'EPSON_TM_T20', is_default: true }]),
      },
    });
    try {
      const owner = await setupOwner(t.api);
      const cashier = await createSignedInUser(t.api, owner, 'cashier');
      const ui = await uiCaller(t, owner);
      expect(await ui.printing.systemPrinters()).toEqual({ available: true, printers: [{ name: 'EPSON_TM_T20', is_default: true }] });
      await expect((await uiCaller(t, cashier)).printing.systemPrinters()).rejects.toThrow();

      const printer = await ui.printing.create({ name: 'Desk printer', kind: 'system', address: 'EPSON_TM_T20' });
      const { job_id } = await ui.printing.testPage({ id: printer.id });
      const until = Date.now() + 8_000;
      let job = await ui.printing.job({ id: job_id });
      while (job.status === 'queued' && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        job = await ui.printing.job({ id: job_id });
      }
      expect(job).toMatchObject({ status: 'printed', attempts: 1, last_error: null });
      expect(printed).toHaveLength(1);
      expect(printed[0]?.name).toBe('EPSON_TM_T20');
      expect(printed[0]?.html).toMatch(/^<!doctype html>.*ShopDesk test page/s);
    } finally {
      await t.stop();
    }
  });
});
