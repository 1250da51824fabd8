import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEscPos, startFakePrinter, type FakePrinter } from '../helpers/fake-printer';
import { createSignedInUser, openDrawer, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

/**
 * X and Z reports on the receipt printer (issue 14: "print X and Z reports the same way"): the
 * printed figures are the report's own (`GET /cash-sessions/{id}/report`), on a fake network
 * printer on loopback whose bytes are decoded line by line.
 */
describe('printing X and Z reports', () => {
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;
  let cashier: SignedIn;
  let printer: FakePrinter;
  let printerId: number;

  beforeAll(async () => {
    t = await startTestCore({ printing: { retryDelaysMs: [50, 60_000], pollIntervalMs: 50, sendTimeoutMs: 2_000 } });
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    cashier = await createSignedInUser(t.api, manager, 'cashier');
    printer = await startFakePrinter();
    const added = await t.api.post(
      '/printers',
      { name: uniqueName('Reports '), kind: 'network', address: printer.address, width: 32, open_drawer_on_cash: true, cut: true },
      { token: manager.access },
    );
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    printerId = added.body.id;
  }, 60_000);
  afterAll(async () => {
    await printer.stop();
    await t.stop();
  });

  async function printed(sessionId: number, user: SignedIn) {
    const before = printer.jobs.length;
    const queued = await t.api.post(`/cash-sessions/${sessionId}/report/print`, { printer_id: printerId }, { token: user.access });
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    const bytes = (await printer.waitForJobs(before + 1))[before] ?? Buffer.alloc(0);
    return decodeEscPos(bytes);
  }

  const hasRow = (lines: string[], label: string, amount: string) =>
    lines.some((line) => new RegExp(`^\\s*${label} +${amount.replace('.', '\\.')}$`).test(line));

  it('prints the X report of an open session and the Z report after the close, with the report’s own figures', async () => {
    const rate = await t.api.post('/tax-rates', { name: 'Standard', rate_bp: 2000 }, { token: manager.access });
    const product = await t.api.post(
      '/products',
      { sku: uniqueName('RP').toUpperCase(), name: 'Report tea', price_cents: 1200, stock: 100, tax_rate_id: rate.body.id },
      { token: manager.access },
    );
    expect(product.status, JSON.stringify(product.body)).toBe(201);
    const { sessionId } = await openDrawer(t.api, cashier, { floatCents: 5_000 });
    const sale = await t.api.post(
      '/orders',
      {
        items: [{ product_id: product.body.id, amount: 2 }],
        complete: true,
        payments: [{ method: 'cash', amount_cents: 2400, tendered_cents: 3000 }],
      },
      { token: cashier.access },
    );
    expect(sale.status, JSON.stringify(sale.body)).toBe(201);

    const x = await printed(sessionId, cashier);
    expect(x.commands[0]).toBe('init');
    expect(x.lines.map((line) => line.trim())).toContain('X REPORT (session open)');
    expect(x.lines).toContain(`Session ${sessionId}`);
    expect(x.lines).toContain(`Receipts ${sale.body.receipt_no} to ${sale.body.receipt_no}`);
    expect(hasRow(x.lines, 'Total', '24.00')).toBe(true);
    expect(hasRow(x.lines, 'Tax', '4.00')).toBe(true);
    expect(hasRow(x.lines, 'Expected', '74.00')).toBe(true);
    expect(x.lines.filter((line) => line.length > 32)).toEqual([]);
    // A report never opens the drawer, whatever the printer does for cash sales.
    expect(x.commands).not.toContain('pulse');
    expect(x.commands.at(-1)).toBe('cut');

    const closed = await t.api.post(`/cash-sessions/${sessionId}/close`, { counted_cash_cents: 7_350 }, { token: cashier.access });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const z = await printed(sessionId, manager);
    expect(z.lines.map((line) => line.trim())).toContain('Z REPORT');
    expect(hasRow(z.lines, 'Counted', '73.50')).toBe(true);
    expect(hasRow(z.lines, 'Variance', '-0.50')).toBe(true);
    const report = await t.api.get(`/cash-sessions/${sessionId}/report`, { token: manager.access });
    expect(report.body.cash.expected_cents).toBe(7_400);
  });

  it('a session out of reach is 404; without a printer for the register it is 409', async () => {
    const { sessionId } = await openDrawer(t.api, manager, {
      registerId: (await t.api.post('/registers', { name: uniqueName('Back till ') }, { token: manager.access })).body.id,
    });
    const foreign = await t.api.post(`/cash-sessions/${sessionId}/report/print`, { printer_id: printerId }, { token: cashier.access });
    expect(foreign.status).toBe(404);
    const noPrinter = await t.api.post(`/cash-sessions/${sessionId}/report/print`, {}, { token: manager.access });
    expect(noPrinter.status, JSON.stringify(noPrinter.body)).toBe(409);
    expect(noPrinter.body.error).toBe('invalid_state');
  });
});
