#!/usr/bin/env node
// The one test command (`npm test`): every suite in turn, then one closing line with the totals,
// `N passed, N failed`. Exits non-zero on any failure, and when nothing ran at all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = [];

function run(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env: process.env }).status;
}

function suite(name, passed, failed, skipped = 0) {
  results.push({ name, passed, failed, skipped });
  console.log(`${name}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

function check(name, status) {
  suite(name, status === 0 ? 1 : 0, status === 0 ? 0 : 1);
  return status === 0;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

mkdirSync('test-results', { recursive: true });

// 1. Types: the Node side and the renderer side each compile under strict settings.
check('typecheck', run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']));
if (existsSync('tsconfig.web.json')) check('typecheck-web', run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.web.json']));

// 1b. Lint (type-checked ESLint, import boundaries, formatting): zero warnings.
check('lint', run('npm', ['run', '--silent', 'lint']));

// 1c. The served OpenAPI document passes Redocly's recommended rules: no error, no warning.
check('openapi', run('node', ['scripts/openapi-lint.mjs']));

// 2. Vitest: unit and API integration tests against the real core.
const vitestReport = 'test-results/vitest.json';
rmSync(vitestReport, { force: true });
const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestReport}`]);
const vitest = readJson(vitestReport);
if (vitest) {
  // A file that crashes before its tests run counts as one failure, not zero.
  const brokenFiles = vitest.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  suite('vitest', vitest.numPassedTests, vitest.numFailedTests + brokenFiles, vitest.numPendingTests + vitest.numTodoTests);
} else {
  suite('vitest', 0, vitestStatus === 0 ? 0 : 1);
}

// 3. The desktop build (main, preload, renderer); the browser tests run against its UI.
const built = check('build', run('npx', ['electron-vite', 'build', '--logLevel', 'warn']));

// 4. Playwright: end-to-end in Debian's Chromium, and the Electron smoke test (skips without a binary).
if (built) {
  const playwrightReport = 'test-results/playwright.json';
  rmSync(playwrightReport, { force: true });
  const playwrightStatus = run('npx', ['playwright', 'test']);
  const playwright = readJson(playwrightReport);
  if (playwright?.stats) {
    const { expected, unexpected, flaky, skipped } = playwright.stats;
    suite('playwright', expected, unexpected + flaky, skipped);
  } else {
    suite('playwright', 0, playwrightStatus === 0 ? 0 : 1);
  }
}

// 5. Electronegativity: no finding of medium severity or above.
if (existsSync('scripts/electronegativity-gate.mjs')) check('electronegativity', run('node', ['scripts/electronegativity-gate.mjs']));

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
console.log('');
for (const r of results)
  console.log(`  ${r.name.padEnd(18)} ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
