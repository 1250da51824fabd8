/**
 * Where a hot path's time goes: the real core in this process, one request at a time, each
 * path's requests CPU-profiled on their own (node:inspector) into PROFILE_DIR/<path>.cpuprofile,
 * with the median latency printed. `npx tsx bench/profile-paths.ts`, then
 * `node bench/cpu-profile-summary.mjs .bench/profiles/orders-page.cpuprofile`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedOrders } from './seed-orders';
import { createCore } from '../electron/server/create-core';

const ORDERS = Number(process.env.PROFILE_ORDERS ?? 100_000);
const REQUESTS = Number(process.env.PROFILE_REQUESTS ?? 400);
const OWNER = { username: 'owner', password: 'Bench-Owner-Quartz-91', first_name: 'Bench', last_name: 'Owner' };
const PROFILE_DIR = process.env.PROFILE_DIR ?? '.bench/profiles';
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

/** The median latency of `count` requests, the requests profiled into `name`.cpuprofile. */
async function profiled(session: Session, name: string, url: string, token: string): Promise<number> {
  await timed(url, token, Math.min(50, REQUESTS));
  await session.post('Profiler.start');
  const ms = await timed(url, token, REQUESTS);
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
  return ms;
}

async function timed(url: string, token: string, count: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    await res.arrayBuffer();
    times.push(performance.now() - t0);
  }
  return median(times);
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-profile-'));
  try {
    let core = await createCore({ dataDir, port: 0, log: () => {} });
    const post = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(`${core.url}/api/v1${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, unknown>;
    };
    await post('/setup', OWNER);
    const { access } = (await post('/auth/login', { username: OWNER.username, password: OWNER.password })) as { access: string };
    const productIds: number[] = [];
    for (let i = 0; i < 60; i++) {
      const p = (await post('/products', { sku: `P-${i}`, name: `Product ${i}`, price_cents: 100 + i, stock: 1_000_000 }, access)) as {
        id: number;
      };
      productIds.push(p.id);
    }
    await core.close();
    seedOrders(join(dataDir, 'shopdesk.db'), ORDERS, 1, productIds);
    core = await createCore({ dataDir, port: 0, log: () => {} });
    const base = `${core.url}/api/v1`;
    const { access: token } = (await post('/auth/login', { username: OWNER.username, password: OWNER.password })) as { access: string };
    mkdirSync(PROFILE_DIR, { recursive: true });
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    const paths: [string, string][] = [
      ['orders-page', `/orders?limit=50`],
      ['product', `/products/1`],
      ['products-page', `/products?limit=50`],
      ['health', `/health`],
    ];
    for (const [name, path] of paths) {
      const ms = await profiled(session, name, `${base}${path}`, token);
      console.log(
        `${name} (GET ${path}) at ${ORDERS} orders: median ${ms.toFixed(2)} ms, profile ${join(PROFILE_DIR, `${name}.cpuprofile`)}`,
      );
    }
    session.disconnect();
    await core.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
