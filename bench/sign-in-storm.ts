/**
 * The sign-in storm (issue 16, item 4), part of the side-by-side bench: while wrk runs the login
 * scenario (16 connections signing the seeded cashier in, as fast as the server answers), a probe
 * in this process signs the same cashier in one at a time — a cashier at a till while the rest of
 * the shop (or a script) hammers the door — and records each probe's latency and status. What
 * the probe sees is what a person sees: how long the sign-in takes, and whether it is refused
 * (429 throttled, 503 busy, …) rather than queued. A few probes on the quiet server first give
 * the figure to compare with. Knobs: BENCH_STORM_SECONDS (15), BENCH_STORM_PROBE_MS (200).
 */
import type { WrkResult } from './wrk/run-wrk';
import { runWrk } from './wrk/run-wrk';

export type StormServer = 'django' | 'shopdesk';

export interface StormTarget {
  server: StormServer;
  /** The sign-in endpoint, e.g. http://127.0.0.1:40123/api/v1/auth/login (loopback only). */
  url: string;
  /** The login.lua of that server, and the folder holding its lib.lua. */
  script: string;
  benchDir: string;
  env: Record<string, string>;
  /** The side-by-side bench's wait for what wrk left queued, then one request of the kind. */
  drain: (measuredRps: number) => Promise<void>;
}

export interface StormSettings {
  seconds: number;
  warmupSeconds: number;
  threads: number;
  connections: number;
  probeEveryMs: number;
  user: { username: string; password: string };
}

export const STORM_SECONDS = Number(process.env.BENCH_STORM_SECONDS ?? 15);
export const STORM_PROBE_MS = Number(process.env.BENCH_STORM_PROBE_MS ?? 200);
/** Probes on the quiet server before each storm: the latency a cashier gets when nobody else signs in. */
const QUIET_PROBES = 5;
/** The probe starts once wrk's connections are busy, not while they are still being opened. */
const PROBE_LEAD_MS = 500;
const PROBE_TIMEOUT_MS = 15_000;

interface Probe {
  ms: number;
  /** The HTTP status, or 0 when no answer came (a socket error or the probe's own timeout). */
  status: number;
}

export interface StormRound {
  quiet: Probe[];
  probes: Probe[];
  /** What the 16 storming connections saw in the same run. */
  wrk: WrkResult;
}

export interface StormCell {
  rounds: number;
  probes: number;
  quiet_p50_ms: number;
  p50_ms: number;
  /** Nearest rank over all probes of all rounds: with fewer than 100 probes it is about the slowest. */
  p99_ms: number;
  max_ms: number;
  /** Probes answered with anything but 200 (0 = no answer), by status. */
  refused: number;
  refused_by_status: Record<string, number>;
  storm_rps_median: number;
  storm_non2xx: number;
  per_round: { probes: number; p50_ms: number; p99_ms: number; refused: number; storm_rps: number; storm_non2xx: number }[];
}

export interface SignInStormReport {
  method: string;
  seconds: number;
  probe_every_ms: number;
  servers: Partial<Record<StormServer, StormCell>>;
  /** ShopDesk's probe p50 over the peer's (lower is better), null without the peer. */
  shopdesk_vs_django_p50: number | null;
  table: string;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Nearest-rank percentile (p in 0…100) of the values; NaN when there are none. */
export function percentile(values: number[], p: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const median = (values: number[]) => percentile(values, 50);

async function probe(url: string, user: StormSettings['user']): Promise<Probe> {
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: user.password }),
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    await res.arrayBuffer();
    return { ms: performance.now() - started, status: res.status };
  } catch {
    return { ms: performance.now() - started, status: 0 };
  }
}

/** One probe after another, each started `everyMs` after the last one started (never two at once). */
async function probeUntil(url: string, settings: StormSettings, done: () => boolean, deadline: number): Promise<Probe[]> {
  const probes: Probe[] = [];
  const most = Math.ceil((settings.seconds * 1000) / settings.probeEveryMs);
  while (!done() && Date.now() < deadline && probes.length < most) {
    const started = Date.now();
    probes.push(await probe(url, settings.user));
    const wait = started + settings.probeEveryMs - Date.now();
    if (wait > 0) await sleep(wait);
  }
  return probes;
}

/** One storm on one server: quiet probes, a warm-up of wrk, the storm with the probe beside it, drained after each. */
export async function runStormRound(target: StormTarget, settings: StormSettings): Promise<StormRound> {
  const host = new URL(target.url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`refusing a non-loopback target: ${target.url}`);
  const quiet: Probe[] = [];
  for (let i = 0; i < QUIET_PROBES; i++) quiet.push(await probe(target.url, settings.user));

  const run = {
    url: target.url,
    script: target.script,
    benchDir: target.benchDir,
    threads: settings.threads,
    connections: settings.connections,
    env: target.env,
  };
  const warm = await runWrk({ ...run, seconds: settings.warmupSeconds });
  await target.drain(warm.rps);

  let stormOver = false;
  const launched = Date.now();
  const storm = runWrk({ ...run, seconds: settings.seconds }).finally(() => {
    stormOver = true;
  });
  // A failed wrk run must not leave the probe loop running: it stops on `stormOver` too.
  const probing = sleep(PROBE_LEAD_MS).then(() => probeUntil(target.url, settings, () => stormOver, launched + settings.seconds * 1000));
  const [wrk, probes] = await Promise.all([storm, probing]);
  await target.drain(wrk.rps);
  return { quiet, probes, wrk };
}

export function summariseStorm(rounds: StormRound[]): StormCell {
  const probes = rounds.flatMap((r) => r.probes);
  const refusedBy = (list: Probe[]) => list.filter((p) => p.status !== 200);
  const byStatus: Record<string, number> = {};
  for (const p of refusedBy(probes)) byStatus[String(p.status)] = (byStatus[String(p.status)] ?? 0) + 1;
  const latencies = probes.map((p) => p.ms);
  return {
    rounds: rounds.length,
    probes: probes.length,
    quiet_p50_ms: median(rounds.flatMap((r) => r.quiet.map((p) => p.ms))),
    p50_ms: median(latencies),
    p99_ms: percentile(latencies, 99),
    max_ms: percentile(latencies, 100),
    refused: refusedBy(probes).length,
    refused_by_status: byStatus,
    storm_rps_median: median(rounds.map((r) => r.wrk.rps)),
    storm_non2xx: rounds.reduce((sum, r) => sum + r.wrk.non2xx, 0),
    per_round: rounds.map((r) => ({
      probes: r.probes.length,
      p50_ms: median(r.probes.map((p) => p.ms)),
      p99_ms: percentile(
        r.probes.map((p) => p.ms),
        99,
      ),
      refused: refusedBy(r.probes).length,
      storm_rps: r.wrk.rps,
      storm_non2xx: r.wrk.non2xx,
    })),
  };
}

const fmt = (value: number, digits = 0) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–';

function refusedText(cell: StormCell): string {
  if (cell.refused === 0) return '0';
  const parts = Object.entries(cell.refused_by_status).map(([status, n]) => `${n} × ${status === '0' ? 'no answer' : status}`);
  return `${cell.refused} (${parts.join(', ')})`;
}

export function stormTable(servers: Partial<Record<StormServer, StormCell>>): string {
  const lines = [
    '| server | probes | quiet p50 ms | storm p50 / p99 ms | refused probes | storm sign-ins/s (non-2xx) |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const [name, label] of [
    ['django', 'Django peer'],
    ['shopdesk', 'ShopDesk'],
  ] as const) {
    const cell = servers[name];
    if (!cell) continue;
    lines.push(
      `| ${label} | ${cell.probes} | ${fmt(cell.quiet_p50_ms)} | ${fmt(cell.p50_ms)} / ${fmt(cell.p99_ms)} | ${refusedText(cell)} | ${fmt(cell.storm_rps_median, 1)} (${cell.storm_non2xx}) |`,
    );
  }
  return lines.join('\n');
}

export function stormReport(rounds: Map<StormServer, StormRound[]>, settings: StormSettings): SignInStormReport {
  const servers: Partial<Record<StormServer, StormCell>> = {};
  for (const [server, list] of rounds) servers[server] = summariseStorm(list);
  const ours = servers.shopdesk?.p50_ms;
  const theirs = servers.django?.p50_ms;
  return {
    method:
      `while wrk -t${settings.threads} -c${settings.connections} -d${settings.seconds}s runs login.lua (after a ${settings.warmupSeconds} s warm-up and a drain), ` +
      `one probe at a time signs the same cashier in, started every ${settings.probeEveryMs} ms (or when the previous answered); ` +
      `${QUIET_PROBES} probes on the quiet server before each storm`,
    seconds: settings.seconds,
    probe_every_ms: settings.probeEveryMs,
    servers,
    shopdesk_vs_django_p50: ours !== undefined && theirs !== undefined && Number.isFinite(ours / theirs) ? ours / theirs : null,
    table: stormTable(servers),
  };
}

/** The console line of one storm round. */
export function stormLine(round: number, server: StormServer, result: StormRound): string {
  const latencies = result.probes.map((p) => p.ms);
  const refused = result.probes.filter((p) => p.status !== 200).length;
  return (
    `round ${round} storm    ${server.padEnd(8)} ${String(result.probes.length).padStart(3)} probes  p50 ${fmt(median(latencies))} ms  ` +
    `p99 ${fmt(percentile(latencies, 99))} ms  refused ${refused}  (quiet p50 ${fmt(median(result.quiet.map((p) => p.ms)))} ms; ` +
    `storm ${fmt(result.wrk.rps, 1)} sign-ins/s, non-2xx ${result.wrk.non2xx})`
  );
}
