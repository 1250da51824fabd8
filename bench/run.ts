/**
 * `npm run bench`: load on loopback only, bounded in time, side by side in one run (the
 * machines are noisy, so ratios and medians are what we quote). Writes .bench/report.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServer, type RunningServer } from './processes';
import { measureBackupUnderLoad } from './backup-under-load';
import { measureSignInLatency } from './pin-sign-in';
import { priceBenchSale } from './priced-sale';
import { seedOrders, seedProducts, seedSessionSales, seedStockMovements } from './seed-orders';
import { runSideBySide } from './side-by-side';
import { createCore } from '../electron/server/create-core';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const BIG_ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const Z_SALES = 10_000;
const MOVEMENTS = Number(process.env.BENCH_MOVEMENTS ?? 1_000_000);
const OWNER = { username: 'owner', password: 'Bench-Owner-Quartz-91', first_name: 'Bench', last_name: 'Owner' };

interface Sample {
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, options: Partial<autocannon.Options> = {}): Promise<Sample> {
  const result = await autocannon({ url, connections: 16, duration: DURATION_S, ...options });
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function postJson(url: string, body: unknown, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

async function main() {
  // Part 0, first while the machine is not yet warm from the rest: beside the Django peer and a
  // bare node:http under wrk (bench/side-by-side.ts, also .bench/side-by-side.json).
  // BENCH_ONLY=in-process: the rest alone (the million orders, reports, backup), side by side skipped.
  const sideBySide = process.env.BENCH_ONLY === 'in-process' ? { skipped: 'BENCH_ONLY=in-process' } : await runSideBySide();
  if (process.env.BENCH_ONLY === 'side-by-side') return;
  const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-bench-'));
  const servers: RunningServer[] = [];
  try {
    const hello = await startServer('node', ['bench/hello-server.mjs']);
    servers.push(hello);
    const shop = await startServer('node_modules/.bin/tsx', ['electron/server/main.ts'], {
      SHOPDESK_DATA_DIR: dataDir,
      SHOPDESK_PORT: '0',
    });
    servers.push(shop);
    const api = `${shop.url}/api/v1`;
    await postJson(`${api}/setup`, OWNER);

    // 1. GET /health against a bare hello-world, alternating rounds.
    const healthRatios: number[] = [];
    const shopHealth: Sample[] = [];
    const helloHealth: Sample[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const base = await load(hello.url);
      const ours = await load(`${api}/health`);
      helloHealth.push(base);
      shopHealth.push(ours);
      healthRatios.push(ours.requestsPerSecond / base.requestsPerSecond);
      console.log(
        `health round ${round + 1}: shopdesk ${ours.requestsPerSecond.toFixed(0)} req/s, hello ${base.requestsPerSecond.toFixed(0)} req/s`,
      );
    }

    // 2. /health latency while 16 clients sign in continuously (bcrypt must stay off the loop).
    const loginBody = JSON.stringify({ username: OWNER.username, password: OWNER.password });
    const [logins, healthUnderLogin] = await Promise.all([
      load(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: loginBody }),
      load(`${api}/health`, { connections: 1 }),
    ]);

    // 3. Orders and the product list, signed in as the owner.
    const { access } = (await postJson(`${api}/auth/login`, { username: OWNER.username, password: OWNER.password })) as { access: string };
    // The quick switch: one PIN sign-in at a time, beside the password sign-in.
    const signInLatency = await measureSignInLatency(api, OWNER, access);
    console.log(
      `sign-in one at a time: PIN p50 ${signInLatency.pin_p50_ms.toFixed(0)} ms, password p50 ${signInLatency.password_p50_ms.toFixed(0)} ms`,
    );
    const productIds: number[] = [];
    for (let i = 0; i < 200; i++) {
      const product = (await postJson(
        `${api}/products`,
        {
          sku: `BENCH-${i}`,
          barcode: `20000000${String(i).padStart(5, '0')}`,
          name: `Bench product ${i}`,
          price_cents: 100 + i,
          stock: 10_000_000,
        },
        access,
      )) as { id: number };
      productIds.push(product.id);
    }
    const auth = { authorization: `Bearer ${access}`, 'content-type': 'application/json' };
    // Every sale completes in the default register's open drawer.
    const registers = (await (await fetch(`${api}/registers`, { headers: auth })).json()) as { id: number; is_default: boolean }[];
    const registerId = registers.find((r) => r.is_default)?.id ?? 1;
    await postJson(`${api}/cash-sessions`, { register_id: registerId, opening_float_cents: 10_000 }, access);
    // A second till, whose drawer is seeded with a day of 10,000 sales for the Z report.
    const zRegister = (await postJson(`${api}/registers`, { name: 'Bench Z till' }, access)) as { id: number };
    const untaxed = productIds.slice(3, 6);
    const items = untaxed.map((id) => ({ product_id: id, amount: 1 }));
    const saleTotal = untaxed.reduce((sum, _id, i) => sum + 103 + i, 0);
    // The plain order of part 1 (placed, not completed) beside the till's sale (completed, paid in cash
    // with change, numbered) and the priced sale of issue 13 (two tax rates, a line discount, cash),
    // interleaved round by round.
    const plainBody = JSON.stringify({ items });
    const tillBody = JSON.stringify({
      items,
      complete: true,
      register_id: registerId,
      payments: [{ method: 'cash', amount_cents: saleTotal, tendered_cents: saleTotal + 1_000 }],
    });
    const pricedSale = await priceBenchSale(api, access, productIds.slice(0, 3));
    const pricedBody = JSON.stringify({
      items: pricedSale.items,
      complete: true,
      register_id: registerId,
      payments: [{ method: 'cash', amount_cents: pricedSale.dueCents, tendered_cents: pricedSale.dueCents + 1_000 }],
    });
    const plainOrders: Sample[] = [];
    const tillSales: Sample[] = [];
    const pricedSales: Sample[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      plainOrders.push(await load(`${api}/orders`, { method: 'POST', headers: auth, body: plainBody }));
      tillSales.push(await load(`${api}/orders`, { method: 'POST', headers: auth, body: tillBody }));
      pricedSales.push(await load(`${api}/orders`, { method: 'POST', headers: auth, body: pricedBody }));
      console.log(
        `orders round ${round + 1}: plain ${plainOrders.at(-1)?.requestsPerSecond.toFixed(0)} req/s, cash sale ${tillSales.at(-1)?.requestsPerSecond.toFixed(0)} req/s, priced sale ${pricedSales.at(-1)?.requestsPerSecond.toFixed(0)} req/s`,
      );
    }
    const ordersLoad = tillSales[tillSales.length - 1] ?? (await load(`${api}/orders`, { method: 'POST', headers: auth, body: tillBody }));
    const productsLoad = await load(`${api}/products?limit=50`, { headers: auth });
    // The point of sale's search and scanner lookups with 50,000 products.
    seedProducts(join(dataDir, 'shopdesk.db'), 50_000);
    const searchLoad = await load(`${api}/products?q=49999&limit=20`, { headers: auth, connections: 1 });
    const scanLoad = await load(`${api}/products?barcode=5000000049999`, { headers: auth, connections: 1 });

    // 4. Start-up and list pages with a million orders (seeded straight into SQLite).
    await shop.stop();
    servers.splice(servers.indexOf(shop), 1);
    const seedStarted = Date.now();
    seedOrders(join(dataDir, 'shopdesk.db'), BIG_ORDERS, 1, productIds);
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const zSessionId = seedSessionSales(join(dataDir, 'shopdesk.db'), zRegister.id, 1, Z_SALES);
    const [historyProduct, historyOther] = productIds;
    if (historyProduct === undefined || historyOther === undefined) throw new Error('no products to give a history');
    seedStockMovements(join(dataDir, 'shopdesk.db'), historyProduct, historyOther, MOVEMENTS);
    // Open, migrate and listen, measured in this process (no TypeScript compile in the way).
    const startupMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const core = await createCore({ dataDir, port: 0, log: () => {} });
      startupMs.push(performance.now() - started);
      await core.close();
    }
    const big = await startServer('node_modules/.bin/tsx', ['electron/server/main.ts'], { SHOPDESK_DATA_DIR: dataDir, SHOPDESK_PORT: '0' });
    servers.push(big);
    const bigApi = `${big.url}/api/v1`;
    const { access: bigToken } = (await postJson(`${bigApi}/auth/login`, { username: OWNER.username, password: OWNER.password })) as {
      access: string;
    };
    const pageTimes: number[] = [];
    let cursorUrl: string | null = `${bigApi}/orders?limit=50`;
    for (let i = 0; i < 20 && cursorUrl; i++) {
      const t0 = performance.now();
      const res: Response = await fetch(cursorUrl, { headers: { authorization: `Bearer ${bigToken}` } });
      await res.arrayBuffer();
      pageTimes.push(performance.now() - t0);
      const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
      cursorUrl = next ? `${big.url}${next}` : null;
    }

    // A product's stock history at a million movements: 20 pages of 50, newest first, over HTTP.
    const historyTimes: number[] = [];
    let historyUrl: string | null = `${bigApi}/products/${historyProduct}/stock-movements?limit=50`;
    for (let i = 0; i < 20 && historyUrl; i++) {
      const t0 = performance.now();
      const res: Response = await fetch(historyUrl, { headers: { authorization: `Bearer ${bigToken}` } });
      if (!res.ok) throw new Error(`stock history: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      historyTimes.push(performance.now() - t0);
      const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
      historyUrl = next ? `${big.url}${next}` : null;
    }

    // The X report of the seeded drawer, then its Z report once counted, each timed over HTTP.
    const timeReport = async () => {
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        const res = await fetch(`${bigApi}/cash-sessions/${zSessionId}/report`, { headers: { authorization: `Bearer ${bigToken}` } });
        if (!res.ok) throw new Error(`report: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
        times.push(performance.now() - t0);
      }
      return median(times);
    };
    const xReportMs = await timeReport();
    const closeStarted = performance.now();
    await postJson(`${bigApi}/cash-sessions/${zSessionId}/close`, { counted_cash_cents: 10_000 + Z_SALES * 500 }, bigToken);
    const closeMs = performance.now() - closeStarted;
    const zReportMs = await timeReport();

    // Selling while a backup of the million-order database runs, for a few step sizes.
    await big.stop();
    servers.splice(servers.indexOf(big), 1);
    const backupUnderLoad = await measureBackupUnderLoad({
      dataDir,
      owner: OWNER,
      orderBody: tillBody,
      stepPages: (process.env.BENCH_BACKUP_STEPS ?? '64,256,1024').split(',').map(Number),
      baselineSeconds: DURATION_S,
    });

    const report = {
      when: new Date().toISOString(),
      seconds_per_run: DURATION_S,
      rounds: ROUNDS,
      health: {
        shopdesk_rps_median: median(shopHealth.map((s) => s.requestsPerSecond)),
        hello_world_rps_median: median(helloHealth.map((s) => s.requestsPerSecond)),
        ratio_median: median(healthRatios),
        target_ratio: 0.7,
      },
      health_while_16_logins: {
        health_p99_ms: healthUnderLogin.p99Ms,
        target_p99_ms: 10,
        logins_per_second: logins.requestsPerSecond,
        login_non2xx: logins.non2xx,
      },
      post_orders_3_items_16_connections: {
        plain_order_rps_median: median(plainOrders.map((s) => s.requestsPerSecond)),
        plain_order_p99_ms_median: median(plainOrders.map((s) => s.p99Ms)),
        cash_sale_with_receipt_no_rps_median: median(tillSales.map((s) => s.requestsPerSecond)),
        cash_sale_p99_ms_median: median(tillSales.map((s) => s.p99Ms)),
        target_p99_ms: 20,
        priced_sale_two_rates_line_discount_rps_median: median(pricedSales.map((s) => s.requestsPerSecond)),
        priced_sale_p99_ms_median: median(pricedSales.map((s) => s.p99Ms)),
        non2xx: [...plainOrders, ...tillSales, ...pricedSales].reduce((sum, s) => sum + s.non2xx, 0),
        last_round_rps: ordersLoad.requestsPerSecond,
      },
      cash_session_of_10000_sales: {
        x_report_ms_median: xReportMs,
        close_ms: closeMs,
        z_report_ms_median: zReportMs,
        target_z_report_ms: 50,
      },
      sign_in_one_at_a_time: signInLatency,
      get_products_page_of_50: {
        requests_per_second: productsLoad.requestsPerSecond,
        p99_ms: productsLoad.p99Ms,
        non2xx: productsLoad.non2xx,
      },
      pos_with_50k_products: {
        search_as_you_type_p99_ms: searchLoad.p99Ms,
        search_requests_per_second: searchLoad.requestsPerSecond,
        barcode_lookup_p99_ms: scanLoad.p99Ms,
        barcode_requests_per_second: scanLoad.requestsPerSecond,
      },
      django_comparison: sideBySide,
      stock_history_page_of_50: {
        movements_of_the_product: MOVEMENTS,
        page_ms_median: median(historyTimes),
        pages: historyTimes.length,
        target_page_ms: 5,
      },
      order_p99_during_backup: { target_p99_ms: 20, runs: backupUnderLoad },
      million_orders: {
        orders: BIG_ORDERS,
        seed_seconds: seedSeconds,
        startup_ms_median: median(startupMs),
        target_startup_ms: 500,
        orders_list_page_ms_median: median(pageTimes),
        target_list_page_ms: 5,
      },
    };
    mkdirSync('.bench', { recursive: true });
    writeFileSync('.bench/report.json', `${JSON.stringify(report, null, 2)}\n`);
    console.log(JSON.stringify(report, null, 2));
    console.log(`/health: ${(report.health.ratio_median * 100).toFixed(0)}% of bare http (target ≥ 70%)`);
    console.log(
      `/health p99 while 16 clients log in: ${healthUnderLogin.p99Ms} ms (target < 10 ms), ${logins.requestsPerSecond.toFixed(0)} logins/s`,
    );
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
