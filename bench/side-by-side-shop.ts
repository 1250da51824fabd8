/**
 * ShopDesk set up like the Django peer's seed, for the side-by-side bench: a fresh data folder,
 * 1000 products priced as the peer prices them (100 + (n * 37) % 9900 cents, stock 1,000,000),
 * two in three taxed (20 % and 5.5 %: the sale target is a taxed sale; prices include tax, the
 * shop's default, so the amount due stays the sum of the prices), a cashier `cashier1` with the
 * peer's password, and the default register's drawer open so the till's cash sale can complete. A cashier's account is created with a temporary
 * password, so it takes ShopDesk's first-sign-in step: log in (403 code 4), change it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from './processes';

export const CASHIER = { username: 'cashier1', password: 'Cashier123!x' };
const OWNER = { username: 'owner', password: 'Bench-Owner-Quartz-91', first_name: 'Bench', last_name: 'Owner' };
const PRODUCTS = 1000;
const STOCK = 1_000_000;

/** The n-th seeded product's price (n from 1), as the peer's seed and bench/wrk/sale.lua price it. */
export const seededPrice = (n: number) => 100 + ((n * 37) % 9900);

export interface ShopUnderBench {
  api: string;
  productIdMin: number;
  productIdMax: number;
  registerId: number;
  signal(name: NodeJS.Signals): void;
  stop(): Promise<void>;
}

async function call(url: string, method: string, body?: unknown, token?: string) {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
}

async function expectStatus(what: string, status: number, call: Promise<{ status: number; body: Record<string, unknown> }>) {
  const res = await call;
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)} (expected ${status})`);
  return res.body;
}

/** Signs a user in and answers the access token (a fresh one per round keeps expiry out of the way). */
export async function signIn(api: string, user: { username: string; password: string }): Promise<string> {
  const body = await expectStatus(
    `login ${user.username}`,
    200,
    call(`${api}/auth/login`, 'POST', { username: user.username, password: user.password }),
  );
  return String(body.access);
}

async function createCashier(api: string, ownerToken: string): Promise<void> {
  const temporary = `Tmp-${CASHIER.password}`;
  await expectStatus(
    'create the cashier',
    201,
    call(
      `${api}/users`,
      'POST',
      { username: CASHIER.username, password: temporary, first_name: 'Cashier', last_name: 'Bench', role: 'cashier' },
      ownerToken,
    ),
  );
  const first = await expectStatus(
    'first sign-in',
    403,
    call(`${api}/auth/login`, 'POST', { username: CASHIER.username, password: temporary }),
  );
  await expectStatus(
    'change the temporary password',
    200,
    call(`${api}/auth/password/change`, 'POST', { old_password: temporary, new_password: CASHIER.password }, String(first.change_token)),
  );
}

export interface ShopServerOptions {
  /** Starts the server as `node FLAGS --import tsx` (bench/profile-under-load.ts preloads its profiler so). */
  nodeFlags?: string[];
  env?: NodeJS.ProcessEnv;
  /** Another checkout's root, to measure two versions side by side (bench/ab.ts). */
  root?: string;
  /** The server bundled into one file (bench/bundled-server.ts) and run by plain node, not tsx. */
  bundled?: boolean;
}

/** Bundles `root`'s server into `root`/.bench/bundled/server.mjs (dependencies stay in node_modules). */
export function bundleServer(root = '.'): string {
  const out = resolve(root, '.bench', 'bundled', 'server.mjs');
  execFileSync(
    join(root, 'node_modules', '.bin', 'esbuild'),
    [
      resolve(root, 'bench', 'bundled-server.ts'),
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--packages=external',
      `--outfile=${out}`,
      '--log-level=warning',
    ],
    { stdio: 'inherit' },
  );
  return out;
}

export async function startShopForBench(options: ShopServerOptions = {}): Promise<ShopUnderBench> {
  const { nodeFlags = [], env = {}, root = '.', bundled = false } = options;
  const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-side-by-side-'));
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const main = join(root, 'electron/server/main.ts');
    const [command, args] = bundled
      ? [process.execPath, [...nodeFlags, bundleServer(root)]]
      : nodeFlags.length
        ? [process.execPath, [...nodeFlags, '--import', 'tsx', main]]
        : [join(root, 'node_modules/.bin/tsx'), [main]];
    server = await startServer(command, args, { ...env, SHOPDESK_DATA_DIR: dataDir, SHOPDESK_PORT: '0', SHOPDESK_CHECKOUT: resolve(root) });
    const api = `${server.url}/api/v1`;
    await expectStatus('setup', 201, call(`${api}/setup`, 'POST', OWNER));
    const owner = await signIn(api, OWNER);
    const standard = await expectStatus(
      'tax rate',
      201,
      call(`${api}/tax-rates`, 'POST', { name: 'Bench standard', rate_bp: 2000 }, owner),
    );
    const reduced = await expectStatus('tax rate', 201, call(`${api}/tax-rates`, 'POST', { name: 'Bench reduced', rate_bp: 550 }, owner));
    const taxRateOf = (n: number) => [null, standard.id, reduced.id][n % 3] ?? null;
    // One at a time, so the ids follow n and sale.lua can price a sale from an id alone.
    const ids: number[] = [];
    for (let n = 1; n <= PRODUCTS; n++) {
      const product = await expectStatus(
        `product ${n}`,
        201,
        call(
          `${api}/products`,
          'POST',
          {
            sku: `SKU-${String(n).padStart(5, '0')}`,
            name: `Product ${n}`,
            price_cents: seededPrice(n),
            stock: STOCK,
            tax_rate_id: taxRateOf(n),
          },
          owner,
        ),
      );
      ids.push(Number(product.id));
    }
    const productIdMin = ids[0] ?? 1;
    if (ids.some((id, index) => id !== productIdMin + index)) throw new Error('the seeded product ids are not consecutive');
    await createCashier(api, owner);
    const cashier = await signIn(api, CASHIER);
    const registers = (await expectStatus('registers', 200, call(`${api}/registers`, 'GET', undefined, cashier))) as unknown as {
      id: number;
      is_default: boolean;
    }[];
    const registerId = registers.find((r) => r.is_default)?.id;
    if (registerId === undefined) throw new Error('the shop has no default register');
    await expectStatus(
      'open the drawer',
      201,
      call(`${api}/cash-sessions`, 'POST', { register_id: registerId, opening_float_cents: 10_000 }, cashier),
    );
    // One sale as sale.lua sends it: a price formula that drifted from the shop would show here, not as 400s under load.
    const due = seededPrice(1) + seededPrice(2) + seededPrice(3);
    await expectStatus(
      'a cash sale',
      201,
      call(
        `${api}/orders`,
        'POST',
        {
          items: [0, 1, 2].map((i) => ({ product_id: productIdMin + i, amount: 1 })),
          complete: true,
          register_id: registerId,
          payments: [{ method: 'cash', amount_cents: due, tendered_cents: due + 1_000 }],
        },
        cashier,
      ),
    );
    const running = server;
    return {
      api,
      productIdMin,
      productIdMax: productIdMin + PRODUCTS - 1,
      registerId,
      signal: (name) => running.signal(name),
      stop: async () => {
        await running.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
