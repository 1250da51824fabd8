#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .electron-native/better_sqlite3.node, which
// electron/main/index.ts hands to better-sqlite3 (`nativeBinding`) when the app runs unpackaged.
// node_modules/better-sqlite3/build is never touched, so Node (`npm test`) keeps its own build.
//
//   node scripts/prepare-electron-native.mjs [--force] [--verbose] [--nodedir=<dir>]
//
// --nodedir: Electron's headers already unpacked (node-v<version>-headers.tar.gz from
// https://electronjs.org/headers) for machines that cannot download them.
//
// The package is copied to a temporary folder and rebuilt there with node-gyp against Electron's
// headers. A stamp file (Electron and better-sqlite3 versions, platform, arch) makes later runs
// a no-op until one of them changes. Exits 1 with one line on stderr when the build fails.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, '.electron-native');
const outFile = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');
const logFile = join(outDir, 'node-gyp.log');
const headersUrl = 'https://electronjs.org/headers';
const force = process.argv.includes('--force');
const verbose = process.argv.includes('--verbose');
const nodedir = process.argv.find((arg) => arg.startsWith('--nodedir='))?.slice('--nodedir='.length);

class Failure extends Error {}

/** @param {string} message @returns {never} */
function fail(message) {
  throw new Failure(message);
}

/** @param {string} name */
function installedVersion(name) {
  const file = join(root, 'node_modules', name, 'package.json');
  if (!existsSync(file)) fail(`${name} is not installed (no ${relative(root, file)}); run npm install.`);
  return /** @type {{ version: string }} */ (JSON.parse(readFileSync(file, 'utf8'))).version;
}

/** node-gyp: the project's own copy, else the one bundled with npm. */
function findNodeGyp() {
  const candidates = [join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')];
  if (process.env.npm_execpath) {
    // …/npm/bin/npm-cli.js → …/npm/node_modules/node-gyp/bin/node-gyp.js
    candidates.push(join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  }
  const nodeBin = dirname(process.execPath);
  candidates.push(
    join(nodeBin, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(nodeBin, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'), // Windows
    '/usr/share/nodejs/npm/node_modules/node-gyp/bin/node-gyp.js', // Debian's npm
    '/usr/share/nodejs/node-gyp/bin/node-gyp.js',
  );
  return candidates.find((file) => existsSync(file));
}

/**
 * npm passes its config to scripts as npm_config_* variables and node-gyp reads them: a
 * `nodedir` (this machine's ~/.npmrc has nodedir=/usr) would silently build against Node's
 * headers instead of Electron's. Keep proxies and the like, drop what picks headers or ABI.
 */
function gypEnv() {
  const env = { ...process.env };
  const picksTarget = /^npm_config_(nodedir|target|target_arch|arch|runtime|disturl|dist_url|devdir|build_from_source|node_gyp|python)$/i;
  for (const key of Object.keys(env)) if (picksTarget.test(key)) delete env[key];
  return env;
}

/** NODE_MODULE_VERSION of a headers folder (config.gypi or node_version.h), if it says. @param {string} dir */
function headersAbi(dir) {
  for (const [file, pattern] of /** @type {const} */ ([
    ['include/node/config.gypi', /'node_module_version'\s*:\s*'?(\d+)/],
    ['include/node/common.gypi', /'node_module_version%?'\s*:\s*'?(\d+)/],
    ['include/node/node_version.h', /#define NODE_MODULE_VERSION (\d+)/],
  ])) {
    const path = join(dir, file);
    const match = existsSync(path) ? pattern.exec(readFileSync(path, 'utf8')) : null;
    if (match) return match[1];
  }
  return undefined;
}

/** One line saying why node-gyp failed, from its output. @param {string} output */
function reasonFrom(output) {
  const download = /gyp http GET (\S+)/.exec(output)?.[1];
  const netError = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|fetch failed|self[- ]signed certificate)\b/i.exec(output)?.[1];
  if (download && (netError || /network connectivity|rolling back install/i.test(output))) {
    return `could not download Electron's headers (${download}${netError ? `: ${netError}` : ''}); no internet access?`;
  }
  const status = /\b(403|404)\b[^\n]*(headers|tar\.gz|SHASUMS)/i.exec(output);
  if (status) return `Electron's headers are not at ${headersUrl} (HTTP ${status[1]})`;
  const errLine = output.split('\n').find((line) => /gyp ERR! stack \w*Error|\berror:/.test(line));
  return errLine ? `node-gyp failed: ${errLine.replace(/^gyp ERR! stack /, '').trim()}` : 'node-gyp failed';
}

function main() {
  const electronVersion = installedVersion('electron');
  const sqliteVersion = installedVersion('better-sqlite3');
  const stamp = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };
  const label = `better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch})`;

  if (!force && existsSync(outFile) && existsSync(stampFile)) {
    try {
      const previous = JSON.parse(readFileSync(stampFile, 'utf8'));
      if (Object.entries(stamp).every(([key, value]) => previous[key] === value)) {
        console.log(`prepare-electron-native: ${label} is up to date (${relative(root, outFile)}).`);
        return;
      }
    } catch {
      // An unreadable stamp means: build again.
    }
  }

  if (nodedir) {
    // Headers of the wrong runtime build a binary that Electron refuses (or crashes on).
    const abiFile = join(root, 'node_modules', 'electron', 'abi_version');
    const wanted = existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : undefined;
    const found = headersAbi(nodedir);
    if (wanted && found && found !== wanted)
      fail(`${nodedir} holds headers for ABI ${found}, Electron ${electronVersion} needs ${wanted}.`);
  }

  const nodeGyp = findNodeGyp();
  if (!nodeGyp) fail('node-gyp not found (neither node_modules/node-gyp nor the one bundled with npm).');

  const work = mkdtempSync(join(tmpdir(), 'shopdesk-electron-native-'));
  try {
    // The package without its Node build: sources, deps (the SQLite amalgamation), binding.gyp.
    const source = join(root, 'node_modules', 'better-sqlite3');
    const pkgDir = join(work, 'better-sqlite3');
    cpSync(source, pkgDir, {
      recursive: true,
      filter: (file) => {
        const inside = relative(source, file).split(sep);
        return inside[0] !== 'build' && !inside.includes('node_modules');
      },
    });

    console.log(`prepare-electron-native: building ${label} with node-gyp (takes a few minutes)…`);
    const args = [
      nodeGyp,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      ...(nodedir ? [`--nodedir=${nodedir}`] : [`--dist-url=${headersUrl}`, `--devdir=${join(homedir(), '.electron-gyp')}`]),
      '--jobs=max',
    ];
    const result = spawnSync(process.execPath, args, {
      cwd: pkgDir,
      env: gypEnv(),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: verbose ? 'inherit' : 'pipe',
    });
    const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
    mkdirSync(outDir, { recursive: true });
    if (!verbose) writeFileSync(logFile, output);

    const built = join(pkgDir, 'build', 'Release', 'better_sqlite3.node');
    if (result.error) fail(`could not run node-gyp: ${result.error.message}`);
    if (result.status !== 0 || !existsSync(built)) {
      const where = verbose ? '' : ` (log: ${relative(root, logFile)})`;
      fail(`could not build ${label}: ${reasonFrom(output)}${where}`);
    }

    // Replace atomically; the stamp goes last so that a half-done run is never taken as current.
    rmSync(stampFile, { force: true });
    copyFileSync(built, `${outFile}.tmp`);
    renameSync(`${outFile}.tmp`, outFile);
    writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
    console.log(`prepare-electron-native: built ${relative(root, outFile)} (${label}).`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  if (!(error instanceof Failure)) throw error;
  console.error(`prepare-electron-native: ${error.message}`);
  process.exitCode = 1;
}
