import fc from 'fast-check';
import { printCoverage } from './coverage';

/**
 * One fuzzed thing (an operation as a role): its generator and the check of one case, which
 * returns what went wrong (nothing when all is well).
 */
export interface FuzzTarget<Case> {
  name: string;
  cases: fc.Arbitrary<Case>;
  check(c: Case): Promise<string[]>;
  describe(c: Case): string;
  runs?: number;
}

export interface FuzzSettings {
  /** Every target's seed derives from it; printed with each failure. */
  baseSeed: number;
  runs: number;
  /** Only targets whose name contains this (FUZZ_ONLY). */
  only: string | undefined;
  /** fast-check's replay path of one counterexample (FUZZ_PATH, with FUZZ_ONLY). */
  path: string | undefined;
  /** Checks spent on shrinking a failure before the smallest one so far is reported. */
  shrinkBudget: number;
  /**
   * Past this time (the settings are made when the test file starts), each remaining target
   * runs one case only, so that a slow machine still ends in time (FUZZ_BUDGET_MS).
   */
  deadline: number;
  budgetMs: number;
}

function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const seed = Number(text);
  if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got "${text}"`);
  return seed | 0;
}

/** FUZZ_SEED, FUZZ_RUNS, FUZZ_ONLY, FUZZ_PATH and FUZZ_BUDGET_MS replay or deepen a run; all optional. */
export function fuzzSettings(defaultRuns: number, defaultBudgetMs: number, env: NodeJS.ProcessEnv = process.env): FuzzSettings {
  const runs = env.FUZZ_RUNS ? Number(env.FUZZ_RUNS) : defaultRuns;
  const asked = env.FUZZ_BUDGET_MS ? Number(env.FUZZ_BUDGET_MS) : defaultBudgetMs;
  const budgetMs = Number.isFinite(asked) && asked > 0 ? asked : defaultBudgetMs;
  return {
    deadline: Date.now() + budgetMs,
    budgetMs,
    baseSeed: parseSeed(env.FUZZ_SEED) ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0,
    runs: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns,
    only: env.FUZZ_ONLY || undefined,
    path: env.FUZZ_ONLY && env.FUZZ_PATH ? env.FUZZ_PATH : undefined,
    shrinkBudget: 40,
  };
}

/** A target's own seed: stable for a base seed and a name, whatever else is fuzzed. */
function seedOf(baseSeed: number, name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193);
  return (baseSeed ^ hash) | 0;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs each target with fast-check, one after the other (the database check needs requests in
 * sequence), and returns one report per failed target, with the line that replays it.
 */
export async function runTargets<Case>(targets: readonly FuzzTarget<Case>[], settings: FuzzSettings, testFile: string): Promise<string[]> {
  const reports: string[] = [];
  let warned = false;
  for (const target of targets) {
    // A replay path fits one target only: then the name must match exactly.
    if (settings.only && (settings.path ? target.name !== settings.only : !target.name.includes(settings.only))) continue;
    let failedChecks = 0;
    const property = fc.asyncProperty(target.cases, async (c) => {
      // Shrinking past the budget: treat further candidates as passing, keep the smallest so far.
      if (failedChecks > settings.shrinkBudget) return true;
      const problems = await target.check(c);
      if (problems.length === 0) return true;
      failedChecks++;
      throw new Error(problems.join('\n    '));
    });
    const started = Date.now();
    const late = started > settings.deadline;
    if (late && !warned) {
      warned = true;
      console.warn(`fuzz: past the time budget; from ${target.name} on, one case per target`);
    }
    const details = await fc.check(property, {
      seed: seedOf(settings.baseSeed, target.name),
      numRuns: late ? 1 : (target.runs ?? settings.runs),
      path: settings.path,
    });
    printCoverage(target.name, Date.now() - started);
    if (!details.failed) continue;
    const counterexample = details.counterexample?.[0];
    reports.push(
      [
        `${target.name}: ${messageOf(details.errorInstance)}`,
        `  request: ${counterexample === undefined ? '?' : target.describe(counterexample)}`,
        `  replay: FUZZ_SEED=${settings.baseSeed} FUZZ_ONLY='${target.name}' FUZZ_PATH='${details.counterexamplePath ?? ''}' npx vitest run ${testFile}`,
      ].join('\n'),
    );
  }
  return reports;
}
