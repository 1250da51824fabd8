import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/boundaries', import.meta.url));
const DEPCRUISE = fileURLToPath(new URL('../../node_modules/dependency-cruiser/bin/dependency-cruise.mjs', import.meta.url));

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

/** Runs the project's own boundary rules (the config `npm run lint` uses) over a folder. */
function cruise(cwd: string, folders: string[]): Violation[] {
  let output: string;
  try {
    output = execFileSync(
      process.execPath,
      [DEPCRUISE, ...folders, '--config', `${ROOT}.dependency-cruiser.cjs`, '--output-type', 'json'],
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
  } catch (error) {
    // depcruise exits non-zero when it finds violations; the JSON is still on stdout.
    output = (error as { stdout: string }).stdout;
  }
  const result = JSON.parse(output) as { summary: { violations: Violation[] } };
  return result.summary.violations;
}

describe('import boundaries (README, "Lint and the architecture’s rules")', () => {
  const violations = cruise(FIXTURE, ['electron', 'renderer', 'shared', 'db']);
  const rulesBrokenBy = (file: string) =>
    violations
      .filter((v) => v.from === file)
      .map((v) => v.rule.name)
      .sort();

  it.each([
    ['electron/core/bad-imports-electron.ts', ['core-is-transport-free', 'only-main-imports-electron']],
    ['electron/core/bad-imports-rest.ts', ['core-is-transport-free']],
    ['electron/core/bad-imports-tests.ts', ['production-never-imports-tests']],
    ['electron/rest/bad-imports-trpc.ts', ['rest-and-trpc-apart']],
    ['electron/trpc/bad-imports-rest.ts', ['trpc-and-rest-apart']],
    ['electron/web/bad-imports-rest.ts', ['web-mode-borrows-no-rest']],
    ['renderer/src/bad-runtime-router.ts', ['renderer-sees-shared-and-router-type']],
    ['renderer/src/bad-imports-core.ts', ['renderer-sees-shared-and-router-type', 'renderer-type-only-router']],
    ['renderer/src/bad-imports-node.ts', ['renderer-no-node']],
    ['shared/bad-imports-core.ts', ['shared-only-zod']],
    ['db/bad-imports-core.ts', ['db-only-shared']],
  ])('%s breaks %j', (file, rules) => {
    expect(rulesBrokenBy(file)).toEqual(rules);
  });

  it('allows what the layout allows: electron in main, the router as a type in the renderer', () => {
    expect(rulesBrokenBy('electron/main/ok-imports-electron.ts')).toEqual([]);
    expect(rulesBrokenBy('renderer/src/ok-type-only-router.ts')).toEqual([]);
  });

  it('the real tree keeps every rule', () => {
    expect(cruise(ROOT, ['electron', 'renderer/src', 'shared', 'db']).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  }, 60_000);
});
