#!/usr/bin/env node
// The OpenAPI check of `npm test`: the document the core serves passes Redocly's `recommended`
// rules (redocly.yaml) with no error and no warning. Redocly exits 0 on warnings, so its JSON
// report is read instead. For code frames: `npx redocly lint test-results/openapi.json`.
import { spawnSync } from 'node:child_process';

const DOCUMENT = 'test-results/openapi.json';
// No telemetry and no update check: the test run stays offline and quiet.
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

const dump = spawnSync('npx', ['tsx', 'scripts/dump-openapi.ts', DOCUMENT], { stdio: 'inherit', env });
if (dump.status !== 0) process.exit(1);

const lint = spawnSync('npx', ['redocly', 'lint', DOCUMENT, '--config', 'redocly.yaml', '--format', 'json', '--max-problems', '1000'], {
  encoding: 'utf8',
  env,
  maxBuffer: 64 * 1024 * 1024,
});
let report;
try {
  report = JSON.parse(lint.stdout);
} catch {
  console.error(lint.stdout, lint.stderr);
  console.error('redocly lint gave no JSON report');
  process.exit(1);
}

for (const problem of report.problems) {
  const where = problem.location?.[0]?.pointer ?? '';
  console.log(`${problem.severity} ${problem.ruleId} ${where}: ${problem.message}`);
}
const { errors, warnings } = report.totals;
console.log(`redocly lint ${DOCUMENT}: ${errors} errors, ${warnings} warnings`);
process.exit(errors + warnings === 0 && lint.status === 0 ? 0 : 1);
