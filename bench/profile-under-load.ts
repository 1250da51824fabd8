/**
 * Where a hot path's time goes UNDER LOAD: the server process seeded as the side-by-side bench
 * seeds it, then CPU-profiled (bench/cpu-profile-on-signal.mjs, started and written on SIGUSR2)
 * during one wrk scenario at 16 connections only. bench/profile-paths.ts profiles one request at a time in-process; this
 * one sees what concurrency adds (group commit, the worker hop, the event loop under wrk).
 *
 *   PROFILE_SCENARIO=health|products|product|orders|sale PROFILE_SECONDS=8 npx tsx bench/profile-under-load.ts
 *   node bench/cpu-profile-summary.mjs .bench/profiles/under-load-sale.cpuprofile
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join, resolve } from 'node:path';
import { CASHIER, signIn, startShopForBench } from './side-by-side-shop';
import { SHOP_SCENARIOS } from './wrk/scenarios';
import { runWrk } from './wrk/run-wrk';

const name = process.env.PROFILE_SCENARIO ?? 'sale';
const seconds = Number(process.env.PROFILE_SECONDS ?? 8);
const PROFILE_DIR = resolve(process.env.PROFILE_DIR ?? '.bench/profiles');
const WRK_DIR = resolve('bench/wrk');

async function main() {
  const scenario = SHOP_SCENARIOS[name];
  if (!scenario) throw new Error(`PROFILE_SCENARIO is one of ${Object.keys(SHOP_SCENARIOS).join(', ')}`);
  mkdirSync(PROFILE_DIR, { recursive: true });
  const target = join(PROFILE_DIR, `under-load-${name}.cpuprofile`);
  rmSync(target, { force: true });
  const shop = await startShopForBench({
    nodeFlags: ['--import', resolve('bench/cpu-profile-on-signal.mjs')],
    env: { CPU_PROFILE_FILE: target },
  });
  try {
    const env = {
      TOKEN: await signIn(shop.api, CASHIER),
      PRODUCT_ID_MIN: String(shop.productIdMin),
      PRODUCT_ID_MAX: String(shop.productIdMax),
      REGISTER_ID: String(shop.registerId),
    };
    shop.signal('SIGUSR2');
    await sleep(200);
    const result = await runWrk({
      url: `${shop.api}/${scenario.path}`,
      script: join(WRK_DIR, scenario.script),
      benchDir: WRK_DIR,
      seconds,
      threads: 2,
      connections: 16,
      env,
    });
    shop.signal('SIGUSR2');
    for (let waited = 0; !existsSync(target) && waited < 10_000; waited += 100) await sleep(100);
    await sleep(500);
    console.log(`${name}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, non-2xx ${result.non2xx}`);
  } finally {
    await shop.stop();
  }
  console.log(`profile: ${target}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
