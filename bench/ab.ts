/**
 * Two versions side by side: this checkout (B) and another (A, e.g. a `git worktree` of the
 * commit before a change, with node_modules linked), both seeded as the side-by-side bench seeds
 * them, the same wrk scenarios at 16 connections, interleaved round by round; medians and B/A.
 *
 *   git worktree add /tmp/base HEAD~1 && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   AB_BASE=/tmp/base AB_SCENARIOS=health,product,products,sale AB_ROUNDS=3 npx tsx bench/ab.ts
 *
 * `AB_BUNDLED=A`, `B` or `AB` runs that side bundled (bench/bundled-server.ts) instead of under
 * tsx; with `AB_BASE=.` it measures the bundling alone.
 */
import { join, resolve } from 'node:path';
import { CASHIER, signIn, startShopForBench, type ShopUnderBench } from './side-by-side-shop';
import { SHOP_SCENARIOS } from './wrk/scenarios';
import { runWrk, type WrkResult } from './wrk/run-wrk';

const WRK_DIR = resolve('bench/wrk');
const base = process.env.AB_BASE;
const names = (process.env.AB_SCENARIOS ?? 'health,product,products,sale').split(',');
const rounds = Number(process.env.AB_ROUNDS ?? 3);
const seconds = Number(process.env.AB_SECONDS ?? 5);
const bundled = process.env.AB_BUNDLED ?? '';
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

async function measure(shop: ShopUnderBench, token: string, name: string, runSeconds: number): Promise<WrkResult> {
  const scenario = SHOP_SCENARIOS[name];
  if (!scenario) throw new Error(`AB_SCENARIOS take ${Object.keys(SHOP_SCENARIOS).join(', ')}`);
  return runWrk({
    url: `${shop.api}/${scenario.path}`,
    script: join(WRK_DIR, scenario.script),
    benchDir: WRK_DIR,
    seconds: runSeconds,
    threads: 2,
    connections: 16,
    env: {
      TOKEN: token,
      PRODUCT_ID_MIN: String(shop.productIdMin),
      PRODUCT_ID_MAX: String(shop.productIdMax),
      REGISTER_ID: String(shop.registerId),
    },
  });
}

async function main() {
  if (!base) throw new Error('AB_BASE names the other checkout (see the comment at the top)');
  const shops: Record<'A' | 'B', ShopUnderBench | undefined> = { A: undefined, B: undefined };
  try {
    shops.A = await startShopForBench({ root: resolve(base), bundled: bundled.includes('A') });
    shops.B = await startShopForBench({ bundled: bundled.includes('B') });
    const samples = new Map<string, WrkResult[]>();
    for (let round = 1; round <= rounds; round++) {
      for (const name of names) {
        // Alternate who goes first, so a machine slowing down in the round favours neither.
        const order = round % 2 ? (['A', 'B'] as const) : (['B', 'A'] as const);
        for (const side of order) {
          const shop = shops[side];
          if (!shop) continue;
          const token = await signIn(shop.api, CASHIER);
          await measure(shop, token, name, 1);
          const result = await measure(shop, token, name, seconds);
          samples.set(`${name}/${side}`, [...(samples.get(`${name}/${side}`) ?? []), result]);
          console.log(
            `round ${round} ${name.padEnd(8)} ${side} ${result.rps.toFixed(0).padStart(7)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms  non-2xx ${result.non2xx}`,
          );
        }
      }
    }
    const form = (side: 'A' | 'B') => (bundled.includes(side) ? 'bundled' : 'tsx');
    console.log(`\nmedian of ${rounds} round(s) of ${seconds} s, A = ${base} (${form('A')}), B = this checkout (${form('B')})`);
    for (const name of names) {
      const a = samples.get(`${name}/A`) ?? [];
      const b = samples.get(`${name}/B`) ?? [];
      const rpsA = median(a.map((r) => r.rps));
      const rpsB = median(b.map((r) => r.rps));
      console.log(
        `${name.padEnd(8)} A ${rpsA.toFixed(0).padStart(7)} req/s p99 ${median(a.map((r) => r.p99Ms))} ms | B ${rpsB.toFixed(0).padStart(7)} req/s p99 ${median(b.map((r) => r.p99Ms))} ms | B/A ${(rpsB / rpsA).toFixed(2)}`,
      );
    }
  } finally {
    await shops.A?.stop();
    await shops.B?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
