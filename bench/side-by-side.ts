/**
 * Side by side with the Django peer (issue 16): ShopDesk, a bare node:http server and the
 * Django + DRF + SimpleJWT peer under the same wrk scenarios (-t2 -c16, a warm-up before each
 * run), interleaved — each round runs every scenario against every server one after another —
 * so the machine's drift hits all of them alike. Medians over the rounds, and ratios, are what
 * we quote. Writes .bench/side-by-side.json. Alone: `npx tsx bench/side-by-side.ts`.
 * Knobs: BENCH_ROUNDS (3), BENCH_WRK_SECONDS (8), BENCH_WRK_WARMUP (2). Each round ends with the
 * sign-in storm (bench/sign-in-storm.ts); BENCH_STORM_ONLY=1 runs only that (.bench/sign-in-storm.json).
 */
import { loadavg, cpus } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDjangoPeer, onPath, type DjangoPeer } from './django-peer';
import { startServer, type RunningServer } from './processes';
import { CASHIER, signIn, startShopForBench, type ShopUnderBench } from './side-by-side-shop';
import {
  runStormRound,
  STORM_PROBE_MS,
  STORM_SECONDS,
  stormLine,
  stormReport,
  type SignInStormReport,
  type StormRound,
  type StormServer,
} from './sign-in-storm';
import { runWrk, type WrkResult } from './wrk/run-wrk';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WRK_DIR = join(REPO_ROOT, 'bench', 'wrk');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_WRK_SECONDS ?? 8);
const WARMUP = Number(process.env.BENCH_WRK_WARMUP ?? 2);
const THREADS = 2;
const CONNECTIONS = 16;
/** Only the sign-in storm, for working on it: the other scenarios are skipped. */
const STORM_ONLY = process.env.BENCH_STORM_ONLY === '1';
/** Only these scenarios (`BENCH_SCENARIOS=health,sale`), without the storm: many rounds of one gap. */
const ONLY_SCENARIOS = process.env.BENCH_SCENARIOS?.split(',').filter(Boolean) ?? null;

type ServerName = 'django' | 'shopdesk' | 'node' | 'fastify';

interface Target {
  server: ServerName;
  /** What is requested, as the report shows it. */
  request: string;
  url: string;
  script: string;
  benchDir: string;
  /** The scenario's environment for this round (a fresh token each round). */
  env: (tokens: Tokens) => Record<string, string>;
  /**
   * After a run: wrk exits with up to 16 requests still queued in the server (a sign-in's are
   * bcrypt, ~1-2 s of work), which would load the next run, the next server's. So wait about
   * the time the server takes for 16 at the rate just measured, then send one request of the
   * same kind. ShopDesk's sign-in needs the wait: its throttle takes a point per attempt in
   * flight from one address (20 at most), a run on top of the last one's leftovers is refused
   * with 429, and the refused attempts count too. One request alone is not enough: measured, a
   * sign-in sent after the run was answered while 7 earlier ones were still waiting.
   */
  drain: (measuredRps: number) => Promise<void>;
}

interface Scenario {
  key: string;
  label: string;
  targets: Target[];
}

interface Tokens {
  shopdesk: string;
  django: string;
}

interface Cell {
  request: string;
  samples: WrkResult[];
  rps_median: number;
  p50_ms_median: number;
  p99_ms_median: number;
  non2xx: number;
  socket_errors: number;
}

const median = (values: number[]) => {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

function scenarios(shop: ShopUnderBench, node: RunningServer, fastify: RunningServer, peer: DjangoPeer | null): Scenario[] {
  const drainOf = (api: string, path: string) => async (measuredRps: number) => {
    await settle(measuredRps);
    if (path === 'auth/login') await signIn(api, CASHIER);
    else await ping(`${api}/health`);
  };
  const ours = (script: string, path: string, request: string, env: Target['env'] = () => ({})): Target => ({
    server: 'shopdesk',
    request,
    url: `${shop.api}/${path}`,
    script: join(WRK_DIR, script),
    benchDir: WRK_DIR,
    env,
    drain: drainOf(shop.api, path),
  });
  const theirs = (script: string, path: string, request: string, env: Target['env'] = () => ({})): Target[] =>
    peer
      ? [
          {
            server: 'django',
            request,
            url: `${peer.api}/${path}`,
            script: join(peer.benchDir, script),
            benchDir: peer.benchDir,
            env,
            drain: drainOf(peer.api, path),
          },
        ]
      : [];
  const ids = { PRODUCT_ID_MIN: String(shop.productIdMin), PRODUCT_ID_MAX: String(shop.productIdMax) };
  const login = { LOGIN_USER: CASHIER.username, LOGIN_PASS: CASHIER.password };
  return [
    {
      key: 'health',
      label: 'GET health',
      targets: [
        ...theirs('health.lua', 'health', 'GET health'),
        ours('health.lua', 'health', 'GET health'),
        {
          server: 'node',
          request: 'GET / (bare node:http)',
          url: node.url,
          script: join(WRK_DIR, 'health.lua'),
          benchDir: WRK_DIR,
          env: () => ({}),
          drain: async (measuredRps) => {
            await settle(measuredRps);
            await ping(node.url);
          },
        },
        {
          server: 'fastify',
          request: 'GET / (bare Fastify)',
          url: fastify.url,
          script: join(WRK_DIR, 'health.lua'),
          benchDir: WRK_DIR,
          env: () => ({}),
          drain: async (measuredRps) => {
            await settle(measuredRps);
            await ping(fastify.url);
          },
        },
      ],
    },
    {
      key: 'products',
      label: 'GET products, page of 50',
      targets: [
        ...theirs('products.lua', 'products?page=1', 'GET products?page=1', (t) => ({ TOKEN: t.django })),
        ours('products.lua', 'products?limit=50', 'GET products?limit=50', (t) => ({ TOKEN: t.shopdesk })),
      ],
    },
    {
      key: 'product',
      label: 'GET products/{id}',
      // The peer has no product detail endpoint: ShopDesk alone.
      targets: [ours('product.lua', 'products', 'GET products/{random id}', (t) => ({ TOKEN: t.shopdesk, ...ids }))],
    },
    {
      key: 'orders',
      label: 'POST orders, 3 items (placed)',
      targets: [
        ...theirs('orders.lua', 'orders', 'POST orders', (t) => ({ TOKEN: t.django, PRODUCT_ID_MIN: '1', PRODUCT_ID_MAX: '1000' })),
        ours('orders.lua', 'orders', 'POST orders', (t) => ({ TOKEN: t.shopdesk, ...ids })),
      ],
    },
    {
      key: 'sale',
      label: 'POST orders, 3 items, completed cash sale',
      // The peer has no completion or payment: its row is the placed order above.
      targets: [
        ours('sale.lua', 'orders', 'POST orders {complete, cash payment}', (t) => ({
          TOKEN: t.shopdesk,
          ...ids,
          REGISTER_ID: String(shop.registerId),
        })),
      ],
    },
    {
      key: 'login',
      label: 'POST auth/login',
      targets: [
        ...theirs('login.lua', 'auth/login', 'POST auth/login', () => login),
        ours('login.lua', 'auth/login', 'POST auth/login', () => login),
      ],
    },
  ];
}

/** 1.5× the time 16 leftover requests take at the rate measured (bounded 10 ms … 10 s). */
const settle = (measuredRps: number) =>
  new Promise((done) => setTimeout(done, Math.min(10_000, Math.max(10, (1.5 * CONNECTIONS * 1000) / Math.max(measuredRps, 1)))));

async function ping(url: string): Promise<void> {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  await res.arrayBuffer();
}

function summarise(request: string, samples: WrkResult[]): Cell {
  return {
    request,
    samples,
    rps_median: median(samples.map((s) => s.rps)),
    p50_ms_median: median(samples.map((s) => s.p50Ms)),
    p99_ms_median: median(samples.map((s) => s.p99Ms)),
    non2xx: samples.reduce((sum, s) => sum + s.non2xx, 0),
    socket_errors: samples.reduce((sum, s) => sum + s.socketErrors, 0),
  };
}

/** Median over the rounds of the per-round ratio of req/s (paired within a round). */
function ratio(a: WrkResult[] | undefined, b: WrkResult[] | undefined): number | null {
  if (!a?.length || !b?.length) return null;
  return median(a.map((s, i) => s.rps / (b[i]?.rps ?? NaN)));
}

const fmt = (value: number | undefined, digits = 0) =>
  value === undefined || !Number.isFinite(value)
    ? '–'
    : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (value: number | undefined) => fmt(value, value !== undefined && value < 10 ? 2 : 1);

/** req/s of one cell, with its failed responses when there were any (such a figure is not a throughput). */
function rpsCell(cell: Cell | undefined): string {
  if (!cell) return '–';
  const errors = cell.non2xx + cell.socket_errors;
  return `${fmt(cell.rps_median, cell.rps_median < 100 ? 1 : 0)}${errors ? ` (${errors} failed)` : ''}`;
}
const latencyCell = (cell: Cell | undefined) => (cell ? `${ms(cell.p50_ms_median)} / ${ms(cell.p99_ms_median)}` : '–');

function table(rows: SideBySideReport['scenarios']): string {
  const lines = [
    '| scenario | Django req/s | p50 / p99 ms | ShopDesk req/s | p50 / p99 ms | bare node req/s | ShopDesk / Django | ShopDesk / bare node | bare Fastify / bare node |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    const { django, shopdesk, node } = row.servers;
    const cells = [
      row.label,
      rpsCell(django),
      latencyCell(django),
      rpsCell(shopdesk),
      latencyCell(shopdesk),
      rpsCell(node),
      row.shopdesk_vs_django === null ? '–' : `${fmt(row.shopdesk_vs_django, 2)}×`,
      row.shopdesk_vs_node === null ? '–' : `${fmt(row.shopdesk_vs_node * 100)} %`,
      row.fastify_vs_node === undefined || row.fastify_vs_node === null ? '–' : `${fmt(row.fastify_vs_node * 100)} %`,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

export interface SideBySideReport {
  when: string;
  machine: { cores: number; load_average_at_start: number[] };
  wrk: { threads: number; connections: number; seconds: number; warmup_seconds: number };
  rounds: number;
  django_peer: string;
  scenarios: {
    key: string;
    label: string;
    servers: Partial<Record<ServerName, Cell>>;
    shopdesk_vs_django: number | null;
    shopdesk_vs_node: number | null;
    /** The framework's own ceiling for the same target: bare Fastify against bare node:http. */
    fastify_vs_node?: number | null;
    note?: string;
  }[];
  /** DESIGN.md's targets this part can judge, each with what was measured. */
  design_targets: { target: string; measured: number | null; met: boolean | null }[];
  table: string;
  /** A cashier's one-at-a-time sign-in while wrk storms the login (bench/sign-in-storm.ts). */
  sign_in_storm: SignInStormReport;
}

/** DESIGN.md's ratios, from the paired per-round samples. */
function designTargets(samples: Map<string, WrkResult[]>, rows: SideBySideReport['scenarios']): SideBySideReport['design_targets'] {
  const row = (key: string) => rows.find((r) => r.key === key);
  const judge = (target: string, measured: number | null | undefined, met: (value: number) => boolean) => ({
    target,
    measured: measured ?? null,
    met: measured === null || measured === undefined || !Number.isFinite(measured) ? null : met(measured),
  });
  const login = row('login')?.servers.shopdesk;
  return [
    judge('completed cash sale ≥ 10× the Django peer’s order (req/s)', row('sale')?.shopdesk_vs_django, (v) => v >= 10),
    judge('products page of 50 ≥ 10× the Django peer (req/s)', row('products')?.shopdesk_vs_django, (v) => v >= 10),
    judge(
      'GET products/{id} ≥ 40 % of GET health (req/s)',
      ratio(samples.get('product/shopdesk'), samples.get('health/shopdesk')),
      (v) => v >= 0.4,
    ),
    judge('GET health ≥ 85 % of bare node:http (req/s)', row('health')?.shopdesk_vs_node, (v) => v >= 0.85),
    // Not a target: the ceiling the one above is judged against, bare Fastify in the same run.
    { target: '(the ceiling) bare Fastify, % of bare node:http (req/s)', measured: row('health')?.fastify_vs_node ?? null, met: null },
    judge('completed cash sale p99 < 15 ms at 16 connections (ms)', row('sale')?.servers.shopdesk?.p99_ms_median, (v) => v < 15),
    judge('sign-in p99 < 1.5× its p50 (p99 / p50)', login ? login.p99_ms_median / login.p50_ms_median : null, (v) => v < 1.5),
  ];
}

/** Runs the whole part; answers the report, or the reason it was skipped (wrk missing). */
export async function runSideBySide(): Promise<SideBySideReport | { skipped: string }> {
  if (!onPath('wrk')) {
    const skipped = 'side by side skipped: wrk is not on PATH (apt-get install wrk)';
    console.log(skipped);
    return { skipped };
  }
  const loadAtStart = loadavg().map((l) => Math.round(l * 100) / 100);
  const runs = STORM_ONLY ? 0 : 12;
  const storms = ONLY_SCENARIOS ? 0 : 2;
  console.log(
    `side by side: ${ROUNDS} round(s) of up to ${runs} wrk runs of ${WARMUP}+${SECONDS} s and ${storms} sign-in storms of ${WARMUP}+${STORM_SECONDS} s ≈ ${Math.ceil((ROUNDS * (runs * (WARMUP + SECONDS) + storms * (WARMUP + STORM_SECONDS))) / 60)} min, load ${loadAtStart.join(' ')}`,
  );
  const stops: (() => Promise<void>)[] = [];
  try {
    const node = await startServer('node', ['bench/hello-server.mjs']);
    stops.push(() => node.stop());
    const fastify = await startServer('node', ['bench/hello-fastify.mjs']);
    stops.push(() => fastify.stop());
    const shop = await startShopForBench();
    stops.push(() => shop.stop());
    // A peer that fails to start is skipped like a missing one: the rest of the bench goes on.
    const started = await startDjangoPeer(REPO_ROOT).catch((error: unknown) => ({
      skip: `it failed to start: ${error instanceof Error ? error.message : String(error)}`,
    }));
    const peer = 'peer' in started ? started.peer : null;
    const peerSkipped = 'skip' in started ? started.skip : null;
    if (peer) stops.push(() => peer.stop());
    if (peerSkipped) console.log(`Django peer skipped: ${peerSkipped}`);

    const all = scenarios(shop, node, fastify, peer);
    const plan = STORM_ONLY ? [] : ONLY_SCENARIOS ? all.filter((s) => ONLY_SCENARIOS.includes(s.key)) : all;
    // The storm runs wrk's login scenario of each server, with its drain.
    const stormTargets = ONLY_SCENARIOS ? [] : (all.find((s) => s.key === 'login')?.targets ?? []);
    const stormSettings = {
      seconds: STORM_SECONDS,
      warmupSeconds: WARMUP,
      threads: THREADS,
      connections: CONNECTIONS,
      probeEveryMs: STORM_PROBE_MS,
      user: CASHIER,
    };
    const stormRounds = new Map<StormServer, StormRound[]>();
    const samples = new Map<string, WrkResult[]>();
    for (let round = 1; round <= ROUNDS; round++) {
      const tokens: Tokens = {
        shopdesk: await signIn(shop.api, CASHIER),
        django: peer ? await signIn(peer.api, CASHIER) : '',
      };
      for (const scenario of plan) {
        for (const target of scenario.targets) {
          const run = { url: target.url, script: target.script, benchDir: target.benchDir, threads: THREADS, connections: CONNECTIONS };
          const env = target.env(tokens);
          const warm = await runWrk({ ...run, seconds: WARMUP, env });
          await target.drain(warm.rps);
          const result = await runWrk({ ...run, seconds: SECONDS, env });
          await target.drain(result.rps);
          const key = `${scenario.key}/${target.server}`;
          samples.set(key, [...(samples.get(key) ?? []), result]);
          console.log(
            `round ${round} ${scenario.key.padEnd(8)} ${target.server.padEnd(8)} ${fmt(result.rps, 1).padStart(9)} req/s  p50 ${ms(result.p50Ms)} ms  p99 ${ms(result.p99Ms)} ms  non-2xx ${result.non2xx}  sock-err ${result.socketErrors}`,
          );
        }
      }
      for (const target of stormTargets) {
        if (target.server === 'node' || target.server === 'fastify') continue;
        const result = await runStormRound({ ...target, server: target.server, env: target.env(tokens) }, stormSettings);
        stormRounds.set(target.server, [...(stormRounds.get(target.server) ?? []), result]);
        console.log(stormLine(round, target.server, result));
      }
    }

    const rows: SideBySideReport['scenarios'] = plan.map((scenario) => {
      const servers: Partial<Record<ServerName, Cell>> = {};
      for (const target of scenario.targets)
        servers[target.server] = summarise(target.request, samples.get(`${scenario.key}/${target.server}`) ?? []);
      // The cash sale is set against the peer's placed order: the peer's only write path.
      const djangoKey = scenario.key === 'sale' ? 'orders/django' : `${scenario.key}/django`;
      return {
        key: scenario.key,
        label: scenario.label,
        servers,
        shopdesk_vs_django: ratio(samples.get(`${scenario.key}/shopdesk`), samples.get(djangoKey)),
        shopdesk_vs_node: ratio(samples.get(`${scenario.key}/shopdesk`), samples.get(`${scenario.key}/node`)),
        ...(samples.has(`${scenario.key}/fastify`)
          ? { fastify_vs_node: ratio(samples.get(`${scenario.key}/fastify`), samples.get(`${scenario.key}/node`)) }
          : {}),
        ...(scenario.key === 'sale' ? { note: "ratio against the peer's placed order (it has no completion or payment)" } : {}),
        ...(scenario.key === 'product' ? { note: 'the peer has no product detail endpoint' } : {}),
      };
    });
    const report: SideBySideReport = {
      when: new Date().toISOString(),
      machine: { cores: cpus().length, load_average_at_start: loadAtStart },
      wrk: { threads: THREADS, connections: CONNECTIONS, seconds: SECONDS, warmup_seconds: WARMUP },
      rounds: ROUNDS,
      django_peer: peer ? 'gunicorn -w 2 (sync), 127.0.0.1, seeded temp SQLite (WAL)' : `skipped: ${peerSkipped}`,
      scenarios: rows,
      design_targets: designTargets(samples, rows),
      table: table(rows),
      sign_in_storm: stormReport(stormRounds, stormSettings),
    };
    mkdirSync(join(REPO_ROOT, '.bench'), { recursive: true });
    // The storm alone must not overwrite the last full report.
    writeFileSync(
      join(
        REPO_ROOT,
        '.bench',
        STORM_ONLY ? 'sign-in-storm.json' : ONLY_SCENARIOS ? `side-by-side-${ONLY_SCENARIOS.join('-')}.json` : 'side-by-side.json',
      ),
      `${JSON.stringify(report, null, 2)}\n`,
    );
    if (!STORM_ONLY)
      console.log(`\nside by side, median of ${ROUNDS} round(s), wrk -t${THREADS} -c${CONNECTIONS} -d${SECONDS}s:\n${report.table}\n`);
    const storm = report.sign_in_storm;
    console.log(
      `sign-in storm, ${ROUNDS} round(s): a probe signs the cashier in one at a time while wrk -c${CONNECTIONS} signs in for ${STORM_SECONDS} s:\n${storm.table}`,
    );
    if (storm.shopdesk_vs_django_p50 !== null) console.log(`ShopDesk / Django probe p50: ${fmt(storm.shopdesk_vs_django_p50, 2)}×\n`);
    for (const t of STORM_ONLY ? [] : report.design_targets) {
      console.log(`${t.met === null ? '  –  ' : t.met ? ' met ' : ' NOT '} ${t.target}: ${fmt(t.measured ?? undefined, 2)}`);
    }
    return report;
  } finally {
    // Newest first: the peer, then ShopDesk, then the bare server; each one even if another fails.
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error('stopping:', error));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runSideBySide().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
