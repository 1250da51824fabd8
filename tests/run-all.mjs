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

function suite(name, passed, failed) {
  results.push({ name, passed, failed });
  console.log(`${name}: ${passed} passed, ${failed} failed`);
}

mkdirSync('test-results', { recursive: true });

// 1. Types: one check that the whole tree compiles under strict settings.
const tscStatus = run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
suite('typecheck', tscStatus === 0 ? 1 : 0, tscStatus === 0 ? 0 : 1);

// 2. Vitest: unit and API integration tests against the real core.
const vitestReport = 'test-results/vitest.json';
rmSync(vitestReport, { force: true });
const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestReport}`]);
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  // A file that crashes before its tests run counts as one failure, not zero.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  suite('vitest', report.numPassedTests, report.numFailedTests + brokenFiles);
} else {
  suite('vitest', 0, vitestStatus === 0 ? 0 : 1);
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log('');
for (const r of results) console.log(`  ${r.name.padEnd(10)} ${r.passed} passed, ${r.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
