import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createSignedInUser, openDrawer, setupOwner, signIn, uniqueName, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';
import { groupAlive } from '../../bench/processes';

/**
 * The reliability bar for orders (16 clients on scarce stock, kill -9 mid-load), on loopback only, every loop and wait bounded:
 *  a. 16 concurrent clients ordering the same scarce products: zero oversold, zero lost
 *     acknowledged orders, zero 5xx.
 *  b. kill -9 of the real server process during an order load: the database is intact, every
 *     order answered 201 is there with its lines, stock adds up, and a restart serves them.
 * The shop's drawer is open first, as every sale needs (API-SELLING.md); the completed sales'
 * receipt numbers must come out gap-free and unshared under the same load.
 */

interface OrderLine {
  order_item_id: number;
  product_id: number;
  name: string;
  amount: number;
  unit_price_cents: number;
  line_total_cents: number;
  tax_rate_id: number | null;
  discount_cents: number;
  net_line_cents: number;
  refunded_amount: number;
}

interface Order {
  id: number;
  user_id: number;
  status: 'open' | 'completed' | 'cancelled';
  items: OrderLine[];
  total_cents: number;
  created_at: string;
  completed_at: string | null;
  receipt_no: number | null;
  payments: { method: string; amount_cents: number }[];
}

/** 1, 2, 3 …: the receipt numbers of `count` sales on a fresh shop, with no gap and none twice. */
function expectGapFree(receiptNumbers: (number | null)[], what: string): void {
  const sorted = [...receiptNumbers].sort((a, b) => (a ?? 0) - (b ?? 0));
  expect(sorted, what).toEqual(sorted.map((_, i) => i + 1));
}

/** A small deterministic generator, so that a failure can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Every line is its unit price times its amount, and the total is their sum; a completed sale
 * has a number and is paid in full (one `other` payment: these clients send no payments), an
 * open order neither.
 */
function expectConsistentOrder(order: Order): void {
  for (const line of order.items) expect(line.line_total_cents, `order ${order.id}`).toBe(line.unit_price_cents * line.amount);
  expect(order.total_cents, `order ${order.id}`).toBe(order.items.reduce((sum, l) => sum + l.line_total_cents, 0));
  expect(new Set(order.items.map((l) => l.product_id)).size, `order ${order.id} has a product twice`).toBe(order.items.length);
  if (order.status === 'completed') {
    expect(order.receipt_no, `order ${order.id}`).toEqual(expect.any(Number));
    expect(order.payments, `order ${order.id}`).toMatchObject([{ method: 'other', amount_cents: order.total_cents }]);
  } else {
    expect(order.receipt_no, `order ${order.id}`).toBeNull();
    expect(order.payments, `order ${order.id}`).toEqual([]);
  }
}

async function fetchJson(
  url: string,
  init: RequestInit & { timeoutMs?: number } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const { timeoutMs = 10_000, ...rest } = init;
  const res = await fetch(url, { ...rest, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('application/json') && text !== '') body = JSON.parse(text);
  return { status: res.status, body, headers: res.headers };
}

const jsonInit = (method: string, body: unknown, token?: string, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  body: JSON.stringify(body),
});

/** Every page of a list over REST (Link rel="next"), bounded. */
async function allPages<T>(baseUrl: string, path: string, token: string): Promise<T[]> {
  const items: T[] = [];
  let next: string | null = `/api/v1${path}`;
  for (let pages = 0; next !== null; pages++) {
    if (pages > 1_000) throw new Error('more than 1,000 pages: the Link header loops');
    const res = await fetchJson(`${baseUrl}${next}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    items.push(...(res.body as T[]));
    next = /^<([^>]+)>;\s*rel="next"$/.exec(res.headers.get('link') ?? '')?.[1] ?? null;
  }
  return items;
}

describe('16 concurrent clients ordering the same scarce products', () => {
  let t: TestCore | undefined;
  afterAll(async () => {
    await t?.stop();
  });

  it(
    'sells exactly the stock, never more; every 201 is stored and adds up; zero 5xx, zero network errors',
    { timeout: 60_000 },
    async () => {
      // 12 customers on one address, racing for stock: this measures the sale, not the anti-hoarding limits.
      t = await startTestCore({
        registrationLimit: { points: 1_000, windowSeconds: 3_600 },
        customerOrders: { perAddress: { points: 10_000, windowSeconds: 600 }, caps: { maxOpenOrders: 1_000, maxOpenUnits: 10_000 } },
      });
      const core = t;
      const owner = await setupOwner(core.api);
      await openDrawer(core.api, owner);
      const initial = [20, 7, 1];
      const products: { id: number; price_cents: number }[] = [];
      for (const [i, stock] of initial.entries()) {
        const res = await core.api.post(
          '/products',
          { sku: `SCARCE-${i}`, name: `Scarce ${i}`, price_cents: 100 * (i + 1) + 5, stock },
          { token: owner.access },
        );
        expect(res.status).toBe(201);
        products.push(res.body);
      }
      const initialOf = new Map(products.map((p, i) => [p.id, initial[i] ?? 0]));

      // 16 people, each signed in on their own: 4 cashiers (they complete some sales) and 12 customers.
      const cashiers = await Promise.all(Array.from({ length: 4 }, () => createSignedInUser(core.api, owner, 'cashier')));
      const customers = await Promise.all(
        Array.from({ length: 12 }, async () => {
          const username = uniqueName('buyer');
          const reg = await core.api.post('/auth/register', { username, password: PASSWORDS.customer });
          expect(reg.status, JSON.stringify(reg.body)).toBe(201);
          return signIn(core.api, username, PASSWORDS.customer);
        }),
      );
      const clients: { user: SignedIn; role: 'cashier' | 'customer' }[] = [
        ...cashiers.map((user) => ({ user, role: 'cashier' as const })),
        ...customers.map((user) => ({ user, role: 'customer' as const })),
      ];
      expect(new Set(clients.map((c) => c.user.id)).size).toBe(16);

      const MAX_REQUESTS = 200;
      const acknowledged: { order: Order; by: number }[] = [];
      const serverErrors: string[] = [];
      const networkErrors: string[] = [];
      const unexpected: string[] = [];
      const stoppedByLimit: number[] = [];
      let requests = 0;

      async function runClient(index: number, client: { user: SignedIn; role: 'cashier' | 'customer' }): Promise<void> {
        const random = mulberry32(1000 + index);
        // The most this client still tries per product; gone once the shop says none is left.
        const cap = new Map(products.map((p) => [p.id, 3]));
        let sent = 0;
        while (cap.size > 0) {
          if (sent >= MAX_REQUESTS) {
            stoppedByLimit.push(index);
            return;
          }
          const ids = [...cap.keys()].sort(() => random() - 0.5);
          const chosen = ids.slice(0, ids.length > 1 && random() < 0.35 ? 2 : 1);
          const items = chosen.map((id) => ({ product_id: id, amount: 1 + Math.floor(random() * (cap.get(id) ?? 1)) }));
          const complete = client.role === 'cashier' && random() < 0.5;
          sent++;
          requests++;
          let res: Awaited<ReturnType<typeof fetchJson>>;
          try {
            res = await fetchJson(
              `${core.core.url}/api/v1/orders`,
              jsonInit('POST', { items, ...(complete ? { complete } : {}) }, client.user.access),
            );
          } catch (error) {
            networkErrors.push(`client ${index}: ${String(error)}`);
            continue;
          }
          if (res.status >= 500) {
            serverErrors.push(`client ${index}: ${res.status} ${JSON.stringify(res.body)}`);
            continue;
          }
          if (res.status === 201) {
            acknowledged.push({ order: res.body as Order, by: client.user.id });
            continue;
          }
          if (res.status === 400 && res.body?.error === 'insufficient_stock' && Array.isArray(res.body.details)) {
            for (const detail of res.body.details as { product_id: number; requested: number; available?: number }[]) {
              const available = detail.available ?? detail.requested - 1;
              if (available <= 0) cap.delete(detail.product_id);
              else cap.set(detail.product_id, Math.min(cap.get(detail.product_id) ?? available, available));
            }
            continue;
          }
          unexpected.push(`client ${index}: ${res.status} ${JSON.stringify(res.body)}`);
          return;
        }
      }

      await Promise.all(clients.map((client, index) => runClient(index, client)));

      expect(serverErrors, 'no 5xx').toEqual([]);
      expect(networkErrors, 'no network errors').toEqual([]);
      expect(unexpected, 'only 201 and insufficient_stock').toEqual([]);
      expect(stoppedByLimit, 'every client ran until nothing was left for it').toEqual([]);
      expect(requests).toBeGreaterThan(16);

      // Sold per product, from the 201 answers alone: exactly the initial stock.
      const soldAcknowledged = new Map<number, number>();
      for (const { order, by } of acknowledged) {
        expect(order.user_id).toBe(by);
        expect(['open', 'completed']).toContain(order.status);
        expectConsistentOrder(order);
        for (const line of order.items) soldAcknowledged.set(line.product_id, (soldAcknowledged.get(line.product_id) ?? 0) + line.amount);
      }
      expect(new Set(acknowledged.map((a) => a.order.id)).size, 'an order id was answered twice').toBe(acknowledged.length);
      const sales = acknowledged.filter((a) => a.order.status === 'completed');
      expect(sales.length, 'the cashiers completed some sales').toBeGreaterThan(0);
      expectGapFree(
        sales.map((a) => a.order.receipt_no),
        'receipt numbers of the racing sales',
      );
      for (const [id, stock] of initialOf) expect(soldAcknowledged.get(id) ?? 0, `sold of product ${id}`).toBe(stock);

      // The shop agrees: no stock left, and the stored orders are exactly the acknowledged ones.
      for (const p of products) {
        const res = await core.api.get(`/products/${p.id}`, { token: owner.access });
        expect(res.body.stock, `stock of product ${p.id}`).toBe(0);
      }
      const stored = await allPages<Order>(core.core.url, '/orders?limit=200', owner.access);
      expect(stored.map((o) => o.id).sort((a, b) => a - b)).toEqual(acknowledged.map((a) => a.order.id).sort((a, b) => a - b));
      const storedById = new Map(stored.map((o) => [o.id, o]));
      for (const { order } of acknowledged) expect(storedById.get(order.id)).toEqual(order);

      const sqlite = new Database(join(core.dataDir, 'shopdesk.db'), { readonly: true, fileMustExist: true });
      try {
        expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        const sums = sqlite.prepare('SELECT product_id AS id, SUM(amount) AS sold FROM order_items GROUP BY product_id').all() as {
          id: number;
          sold: number;
        }[];
        expect(new Map(sums.map((r) => [r.id, r.sold]))).toEqual(initialOf);
        const negative = sqlite.prepare('SELECT COUNT(*) AS n FROM products WHERE stock < 0').get() as { n: number };
        expect(negative.n).toBe(0);
      } finally {
        sqlite.close();
      }
    },
  );
});

// ---------------------------------------------------------------------------------------------

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const LISTENING = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m;

interface ServerProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Process groups this file started (each server leads its own), killed after every test. */
const groups: number[] = [];
const tempDirs: string[] = [];

async function waitForGroupGone(pid: number, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (groupAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`process group ${pid} still alive after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** `tsx electron/server/main.ts` in its own process group, on loopback and a free port. */
function startServer(dataDir: string): ServerProcess {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('SHOPDESK_')) delete env[key];
  const child = spawn(TSX, ['electron/server/main.ts'], {
    cwd: ROOT,
    env: { ...env, SHOPDESK_DATA_DIR: dataDir, SHOPDESK_PORT: '0', SHOPDESK_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid !== undefined) groups.push(child.pid);
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.on('close', (code, signal) => done({ code, signal }));
    child.on('error', () => done({ code: null, signal: null }));
  });
  return { child, output: () => out, exited };
}

async function waitForListening(server: ServerProcess, ms = 30_000): Promise<string> {
  const deadline = Date.now() + ms;
  let dead = false;
  void server.exited.then(() => (dead = true));
  while (Date.now() < deadline) {
    const url = LISTENING.exec(server.output())?.[1];
    if (url) return url;
    if (dead) throw new Error(`the server exited before listening:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no "listening on" line within ${ms} ms:\n${server.output()}`);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

afterEach(async () => {
  for (const pid of groups.splice(0)) {
    if (pid <= 1 || !groupAlive(pid)) continue;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await waitForGroupGone(pid, 5_000).catch(() => undefined);
  }
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('kill -9 of the server during an order load', () => {
  it(
    'keeps every order answered 201, with its lines; integrity ok; stock + sold = initial; a restart serves them',
    { timeout: 90_000 },
    async () => {
      const dataDir = join(mkdtempSync(join(tmpdir(), 'shopdesk-kill9-')), 'data');
      tempDirs.push(resolve(dataDir, '..'));

      const first = startServer(dataDir);
      const url = await waitForListening(first);
      const pid = first.child.pid;
      if (pid === undefined || pid <= 1) throw new Error('the server has no pid');
      const api = (path: string) => `${url}/api/v1${path}`;

      const setup = await fetchJson(
        api('/setup'),
        jsonInit('POST', { username: 'owner', password: PASSWORDS.super_admin, first_name: 'Olga', last_name: 'Owner' }),
      );
      expect(setup.status, JSON.stringify(setup.body)).toBe(201);
      const login = await fetchJson(api('/auth/login'), jsonInit('POST', { username: 'owner', password: PASSWORDS.super_admin }));
      expect(login.status).toBe(200);
      const ownerToken = login.body.access as string;
      const ownerId = login.body.user.id as number;
      // The drawer of the default till, opened as a cashier does before the first sale.
      const registers = await fetchJson(api('/registers'), { headers: { authorization: `Bearer ${ownerToken}` } });
      expect(registers.status, JSON.stringify(registers.body)).toBe(200);
      const registerId = (registers.body as { id: number; is_default: boolean }[]).find((r) => r.is_default)?.id;
      const drawer = await fetchJson(
        api('/cash-sessions'),
        jsonInit('POST', { register_id: registerId, opening_float_cents: 0 }, ownerToken),
      );
      expect(drawer.status, JSON.stringify(drawer.body)).toBe(201);

      // Plenty of three products, and one scarce one that runs out during the load.
      const initialStock = [100_000, 100_000, 100_000, 40];
      const products: { id: number }[] = [];
      for (const [i, stock] of initialStock.entries()) {
        const res = await fetchJson(
          api('/products'),
          jsonInit('POST', { sku: `K9-${i}`, name: `Kill nine ${i}`, price_cents: 199 + i * 100, stock }, ownerToken),
        );
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        products.push(res.body);
      }
      const initialOf = new Map(products.map((p, i) => [p.id, initialStock[i] ?? 0]));

      const acked = new Map<number, Order>();
      /** Cancels answered 200: those orders must be cancelled in the file. */
      const cancelAcked = new Set<number>();
      /** The key of each acknowledged order, to replay after the restart. */
      const keyOf = new Map<number, { key: string; body: unknown }>();
      const serverErrors: string[] = [];
      const unexpected: string[] = [];
      let killed = false;
      let networkErrorsBeforeKill = 0;

      async function loop(index: number): Promise<void> {
        const random = mulberry32(7_000 + index);
        for (let n = 0; n < 100_000 && !killed; n++) {
          const ids = [...initialOf.keys()].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * 3));
          const body = {
            items: ids.map((id) => ({ product_id: id, amount: 1 + Math.floor(random() * 3) })),
            ...(index % 2 === 0 ? { complete: true } : {}),
          };
          const key = randomUUID();
          let res: Awaited<ReturnType<typeof fetchJson>>;
          try {
            res = await fetchJson(api('/orders'), { ...jsonInit('POST', body, ownerToken, { 'Idempotency-Key': key }), timeoutMs: 5_000 });
          } catch {
            if (!killed) networkErrorsBeforeKill++;
            return;
          }
          if (res.status >= 500) serverErrors.push(`${res.status} ${JSON.stringify(res.body)}`);
          else if (res.status === 201) {
            const order = res.body as Order;
            acked.set(order.id, order);
            keyOf.set(order.id, { key, body });
            // Now and then an open order is cancelled (its stock must come back exactly once).
            if (order.status === 'open' && random() < 0.2) {
              try {
                const cancel = await fetchJson(api(`/orders/${order.id}/cancel`), {
                  ...jsonInit('POST', {}, ownerToken),
                  timeoutMs: 5_000,
                });
                if (cancel.status === 200) cancelAcked.add(order.id);
                else if (cancel.status >= 500) serverErrors.push(`cancel: ${cancel.status} ${JSON.stringify(cancel.body)}`);
                else unexpected.push(`cancel: ${cancel.status} ${JSON.stringify(cancel.body)}`);
              } catch {
                if (!killed) networkErrorsBeforeKill++;
                return;
              }
            }
          } else if (!(res.status === 400 && res.body?.error === 'insufficient_stock'))
            unexpected.push(`${res.status} ${JSON.stringify(res.body)}`);
        }
      }

      const loops = Array.from({ length: 8 }, (_, i) => loop(i));
      await new Promise((r) => setTimeout(r, 1_500));
      killed = true;
      process.kill(-pid, 'SIGKILL');
      const exit = await withTimeout(first.exited, 15_000, 'the killed server to exit');
      expect(exit.signal).toBe('SIGKILL');
      await waitForGroupGone(pid);
      await withTimeout(Promise.all(loops), 15_000, 'the order loops to notice the kill');

      expect(serverErrors, 'no 5xx').toEqual([]);
      expect(unexpected).toEqual([]);
      expect(networkErrorsBeforeKill, 'no network error before the kill').toBe(0);
      expect(acked.size, 'the load placed orders before the kill').toBeGreaterThanOrEqual(20);

      // The file as the crash left it: recover the WAL and check everything.
      const file = join(dataDir, 'shopdesk.db');
      expect(existsSync(file)).toBe(true);
      const sqlite = new Database(file, { fileMustExist: true });
      const storedStatus = new Map<number, string>();
      const stockAfter = new Map<number, number>();
      try {
        expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(sqlite.pragma('foreign_key_check')).toEqual([]);
        const orderRow = sqlite.prepare('SELECT id, user_id, status, total_cents FROM orders WHERE id = ?');
        const itemRows = sqlite.prepare(
          `SELECT id AS order_item_id, product_id, name, amount, unit_price_cents, line_total_cents, tax_rate_id, discount_cents,
                  net_line_cents, refunded_amount, discount_type, discount_value
           FROM order_items WHERE order_id = ? ORDER BY id`,
        );
        type ItemRow = Record<string, unknown> & { discount_type: string | null; discount_value: number | null };
        const storedLines = (id: number) =>
          (itemRows.all(id) as ItemRow[]).map(({ discount_type, discount_value, ...line }) => ({
            ...line,
            discount: discount_type === null ? null : { type: discount_type, value: discount_value },
          }));
        for (const [id, order] of acked) {
          const row = orderRow.get(id) as { id: number; user_id: number; status: string; total_cents: number } | undefined;
          expect(row, `order ${id} was answered 201 but is not in the database`).toBeDefined();
          expect(row?.user_id).toBe(ownerId);
          expect(row?.total_cents).toBe(order.total_cents);
          expect(storedLines(id), `lines of order ${id}`).toEqual(order.items);
          if (cancelAcked.has(id)) expect(row?.status, `order ${id} was cancelled with a 200`).toBe('cancelled');
          else if (order.status === 'completed') expect(row?.status).toBe('completed');
          // An open order whose cancel was in flight at the kill may be either.
          else expect(['open', 'cancelled']).toContain(row?.status);
        }
        for (const r of sqlite.prepare('SELECT id, status FROM orders').all() as { id: number; status: string }[])
          storedStatus.set(r.id, r.status);
        // A few orders may have been stored without their answer reaching us; never the reverse.
        expect(storedStatus.size).toBeGreaterThanOrEqual(acked.size);
        expect(storedStatus.size - acked.size).toBeLessThanOrEqual(8);
        // Every stored sale, answered or not, has its number (1, 2, 3 … with no gap) and its payment in the drawer's session.
        const storedSales = sqlite
          .prepare(
            `SELECT o.receipt_no AS receiptNo, o.total_cents AS total, o.cash_session_id AS sessionId,
                    (SELECT COALESCE(SUM(p.amount_cents), 0) FROM payments p WHERE p.order_id = o.id AND p.cash_session_id = ?) AS paid
             FROM orders o WHERE o.status = 'completed'`,
          )
          .all(drawer.body.id) as { receiptNo: number | null; total: number; sessionId: number; paid: number }[];
        expect(storedSales.length).toBeGreaterThan(0);
        expectGapFree(
          storedSales.map((r) => r.receiptNo),
          'receipt numbers after the crash',
        );
        for (const sale of storedSales) expect(sale).toMatchObject({ sessionId: drawer.body.id, paid: sale.total });
        for (const [id, order] of acked)
          if (order.status === 'completed')
            expect(
              storedSales.some((r) => r.receiptNo === order.receipt_no),
              `sale ${id}`,
            ).toBe(true);
        const counter = sqlite.prepare('SELECT MAX(last_no) AS n FROM receipt_sequences').get() as { n: number | null };
        expect(counter.n, 'the receipt counter is the last number used').toBe(storedSales.length);
        // No order without lines, no lines without an order.
        expect(
          (
            sqlite
              .prepare('SELECT COUNT(*) AS n FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)')
              .get() as { n: number }
          ).n,
        ).toBe(0);
        // Every remembered Idempotency-Key points at a stored order (key and order in one transaction).
        for (const r of sqlite.prepare('SELECT response_body AS body FROM idempotency_keys').all() as { body: string }[]) {
          expect(storedStatus.has((JSON.parse(r.body) as { id: number }).id)).toBe(true);
        }

        const sold = new Map(
          (
            sqlite
              .prepare(
                "SELECT i.product_id AS id, SUM(i.amount) AS n FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.status <> 'cancelled' GROUP BY i.product_id",
              )
              .all() as { id: number; n: number }[]
          ).map((r) => [r.id, r.n]),
        );
        for (const r of sqlite.prepare('SELECT id, stock FROM products').all() as { id: number; stock: number }[])
          stockAfter.set(r.id, r.stock);
        for (const [id, initial] of initialOf) {
          expect(stockAfter.get(id)).toBeGreaterThanOrEqual(0);
          expect((stockAfter.get(id) ?? 0) + (sold.get(id) ?? 0), `stock + sold of product ${id}`).toBe(initial);
        }
      } finally {
        sqlite.close();
      }

      // A restart on the same folder serves the same orders and stock.
      const second = startServer(dataDir);
      const url2 = await waitForListening(second);
      const pid2 = second.child.pid;
      if (pid2 === undefined) throw new Error('the restarted server has no pid');
      const relogin = await fetchJson(
        `${url2}/api/v1/auth/login`,
        jsonInit('POST', { username: 'owner', password: PASSWORDS.super_admin }),
      );
      expect(relogin.status).toBe(200);
      const token2 = relogin.body.access as string;
      const served = await allPages<Order>(url2, '/orders?limit=200', token2);
      const servedById = new Map(served.map((o) => [o.id, o]));
      expect(new Set(servedById.keys())).toEqual(new Set(storedStatus.keys()));
      for (const [id, order] of acked) {
        const again = servedById.get(id);
        expect(again, `order ${id}`).toBeDefined();
        expect(again?.items).toEqual(order.items);
        expect(again?.total_cents).toBe(order.total_cents);
        expect(again?.created_at).toBe(order.created_at);
        expect(again?.status).toBe(storedStatus.get(id));
      }
      for (const [id] of initialOf) {
        const res = await fetchJson(`${url2}/api/v1/products/${id}`, { headers: { authorization: `Bearer ${token2}` } });
        expect(res.body.stock).toBe(stockAfter.get(id));
      }

      // A client retrying an acknowledged order after the crash gets the same order, not a second one.
      const [someId] = acked.keys();
      const retried = someId === undefined ? undefined : keyOf.get(someId);
      if (someId !== undefined && retried) {
        const replay = await fetchJson(`${url2}/api/v1/orders`, jsonInit('POST', retried.body, token2, { 'Idempotency-Key': retried.key }));
        expect(replay.status).toBe(201);
        expect(replay.body.id).toBe(someId);
      }
      // And the shop sells on.
      const fresh = await fetchJson(
        `${url2}/api/v1/orders`,
        jsonInit('POST', { items: [{ product_id: products[0]?.id, amount: 1 }] }, token2),
      );
      expect(fresh.status, JSON.stringify(fresh.body)).toBe(201);

      second.child.kill('SIGTERM');
      const stopped = await withTimeout(second.exited, 15_000, 'the restarted server to stop');
      expect(stopped, second.output()).toEqual({ code: 0, signal: null });
      await waitForGroupGone(pid2);
    },
  );
});
