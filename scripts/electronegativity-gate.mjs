#!/usr/bin/env node
// Electronegativity as a gate: the scanner itself exits 0 whatever it finds, so this script runs
// it over the whole app, reads its CSV report and fails when a finding of medium severity or
// above is left.
//
//   node scripts/electronegativity-gate.mjs
//
// Scanned together, in one run (the global checks — CSP, navigation limits, permission
// handler — must see the main process and the renderer's HTML at once): electron/, renderer/,
// shared/, db/ and, when built, out/. They are copied to a temporary folder first, because the
// scanner reads only .js/.jsx/.ts/.tsx/.html: there `x.mjs` becomes `x.mjs.js` (and .cjs, .mts,
// .cts likewise), and findings are reported under the real names.
//
// Exit 1 when any finding is medium or above, when a file could not be parsed (it was not
// scanned at all), or when the scanner wrote no report; 0 otherwise.
import { stripVTControlCharacters } from 'node:util';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON_VERSION = '45.4.1';
const SCANNED = ['electron', 'renderer', 'shared', 'db', 'out'];
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'migrations']);
const RENAMED = { '.mjs': '.js', '.cjs': '.js', '.mts': '.ts', '.cts': '.ts' };
const GATING = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);

/** Copies a folder, giving module files an extension the scanner reads. @param {string} dir */
function giveScannableNames(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) giveScannableNames(path);
    else {
      const ext = Object.keys(RENAMED).find((e) => entry.name.endsWith(e));
      if (ext) renameSync(path, path + RENAMED[/** @type {keyof typeof RENAMED} */ (ext)]);
    }
  }
}

/** The report's name back to the repository's. @param {string} file */
function originalName(file) {
  return file
    .replace(/\\/g, '/')
    .replace(/\.(mjs|cjs)\.js$/, '.$1')
    .replace(/\.(mts|cts)\.ts$/, '.$1');
}

/** RFC 4180 CSV (quoted fields, "" for a quote). @param {string} text */
function parseCsv(text) {
  /** @type {string[][]} */
  const rows = [];
  /** @type {string[]} */
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows;
}

const work = mkdtempSync(join(tmpdir(), 'shopdesk-electronegativity-'));
let exitCode;
try {
  const app = join(work, 'app');
  const scanned = SCANNED.filter((dir) => existsSync(join(root, dir)));
  for (const dir of scanned) {
    cpSync(join(root, dir), join(app, dir), {
      recursive: true,
      filter: (src) => !SKIPPED_DIRS.has(src.split(/[\\/]/).pop() ?? ''),
    });
  }
  cpSync(join(root, 'package.json'), join(app, 'package.json'));
  giveScannableNames(app);

  const report = join(work, 'electronegativity.csv');
  const pkg = JSON.parse(readFileSync(join(root, 'node_modules/@doyensec/electronegativity/package.json'), 'utf8'));
  const bin = join(root, 'node_modules/@doyensec/electronegativity', typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.electronegativity);
  const args = [bin, '-i', app, '-e', ELECTRON_VERSION, '-s', 'medium', '-r', '-v', 'false', '-o', report];
  console.log(`electronegativity: scanning ${scanned.join('/, ')}/ as one app (Electron ${ELECTRON_VERSION})…`);
  const run = spawnSync(process.execPath, args, { cwd: work, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;

  // "Error parsing <file> - <message>": that file was not scanned. (Tolerable errors were.)
  const unparsed = [...stripVTControlCharacters(output).matchAll(/^Error parsing (.+?) - (.*?)$/gm)].map(
    (m) => `${originalName((m[1] ?? '').replace(app, '').replace(/^[\\/]/, ''))}: ${m[2]}`,
  );

  if (run.error || !existsSync(report)) {
    console.error(output.trim().split('\n').slice(-20).join('\n'));
    console.error(`electronegativity: the scanner wrote no report (${run.error?.message ?? `exit status ${run.status}`})`);
    exitCode = 1;
  } else {
    const [header, ...rows] = parseCsv(readFileSync(report, 'utf8'));
    const col = (/** @type {string} */ name) => (header ?? []).findIndex((h) => h.trim() === name);
    const [iIssue, iSeverity, iFile, iLocation, iSample, iDescription] = [
      'issue',
      'severity',
      'filename',
      'location',
      'sample',
      'description',
    ].map(col);
    const findings = rows
      .map((r) => ({
        check: r[iIssue ?? 0] ?? '',
        severity: (r[iSeverity ?? 1] ?? '').toUpperCase(),
        file: originalName(r[iFile ?? 3] ?? ''),
        line: (r[iLocation ?? 4] ?? '').split(':')[0],
        sample: r[iSample ?? 5] ?? '',
        description: r[iDescription ?? 6] ?? '',
      }))
      .filter((f) => GATING.has(f.severity));
    for (const f of findings) {
      console.log(`${f.file}:${f.line}  ${f.check}  ${f.severity}  ${f.description}`);
      if (f.sample && f.sample !== 'N/A') console.log(`    ${f.sample.slice(0, 160)}`);
    }
    for (const u of unparsed) console.log(`not scanned (parse error): ${u}`);
    if (unparsed.length > 0) console.log(`electronegativity: ${unparsed.length} file(s) could not be parsed`);
    console.log(`electronegativity: ${findings.length} findings (medium or above)`);
    exitCode = findings.length > 0 || unparsed.length > 0 ? 1 : 0;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = exitCode;
