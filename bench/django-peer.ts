/**
 * The Django + DRF + SimpleJWT reference peer (../shared/peers/django-ref), started for the
 * side-by-side bench: migrated and seeded into a temp database, served by gunicorn (2 sync
 * workers, as its README prescribes) on a free loopback port, stopped again at the end. The
 * peer's folder is read-only: its database, the pid and log files and Python's bytecode cache
 * all go to a temp dir. When something it needs is missing, it answers the reason to skip.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { groupAlive } from './processes';

/** The Debian interpreter: the pyenv `python3` first on PATH cannot see the Debian packages. */
const PYTHON = '/usr/bin/python3';
const START_TIMEOUT_MS = 30_000;

export interface DjangoPeer {
  /** The API root, e.g. http://127.0.0.1:40123/api/v1 */
  api: string;
  /** The peer's own wrk scripts (bench.sh's health/products/orders/login.lua). */
  benchDir: string;
  /** The gunicorn error log, for a failure message. */
  logFile: string;
  stop(): Promise<void>;
}

export type PeerStart = { peer: DjangoPeer } | { skip: string };

export function peerDir(repoRoot: string): string {
  return resolve(repoRoot, '..', 'shared', 'peers', 'django-ref');
}

export function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Why the peer cannot run here, or null when everything it needs is present. */
export function missingForPeer(dir: string): string | null {
  if (!existsSync(join(dir, 'manage.py'))) return `no Django peer at ${dir}`;
  const imports = spawnSync(PYTHON, ['-c', 'import django, rest_framework, rest_framework_simplejwt'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (imports.status !== 0) {
    return `${PYTHON} cannot import django, rest_framework, rest_framework_simplejwt (apt-get install python3-django python3-djangorestframework python3-djangorestframework-simplejwt python3-bcrypt)`;
  }
  for (const tool of ['gunicorn', 'wrk']) if (!onPath(tool)) return `${tool} is not on PATH (apt-get install ${tool})`;
  return null;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

function manage(dir: string, env: NodeJS.ProcessEnv, args: string[]): void {
  const run = spawnSync(PYTHON, ['manage.py', ...args], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`manage.py ${args.join(' ')} failed (${run.status ?? run.signal}): ${run.stderr}`);
}

async function waitForHealth(api: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      const res = await fetch(`${api}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2_000) : '';
  throw new Error(`the Django peer did not answer ${api}/health within ${START_TIMEOUT_MS} ms\n${log}`);
}

/**
 * gunicorn runs in a process group of its own, so one signal to the group reaches the master
 * and both workers; a guard on this process's exit and on Ctrl-C kills the group even when the
 * bench fails before its `finally` (a detached group does not get the terminal's Ctrl-C).
 */
function guardGroup(pid: number) {
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  const onExit = () => killGroup('SIGKILL');
  const onSignal = (signal: NodeJS.Signals) => {
    killGroup('SIGKILL');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('exit', onExit);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    killGroup,
    release() {
      process.off('exit', onExit);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** Migrates, seeds (1000 products, cashier1..20 / Cashier123!x) and starts the peer, or says why not. */
export async function startDjangoPeer(repoRoot: string): Promise<PeerStart> {
  const dir = peerDir(repoRoot);
  const missing = missingForPeer(dir);
  if (missing) return { skip: missing };

  const work = mkdtempSync(join(tmpdir(), 'django-ref-'));
  const logFile = join(work, 'django-ref.log');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DJANGO_REF_DB: join(work, 'db.sqlite3'),
    PYTHONPYCACHEPREFIX: join(work, 'pycache'),
    PYTHONDONTWRITEBYTECODE: '1',
  };
  let guard: ReturnType<typeof guardGroup> | undefined;
  let child: ChildProcess | undefined;
  try {
    manage(dir, env, ['migrate', '--noinput']);
    manage(dir, env, ['seed']);
    const port = await freePort();
    child = spawn(
      'gunicorn',
      [
        '-w',
        '2',
        '-b',
        `127.0.0.1:${port}`,
        '--graceful-timeout',
        '5',
        '--pid',
        join(work, 'django-ref.pid'),
        '--error-logfile',
        logFile,
        'refpeer.wsgi:application',
      ],
      { cwd: dir, env, detached: true, stdio: 'ignore' },
    );
    const pid = child.pid;
    if (pid === undefined) throw new Error('gunicorn did not start');
    guard = guardGroup(pid);
    const api = `http://127.0.0.1:${port}/api/v1`;
    await waitForHealth(api, child, logFile);
    const running = child;
    const ownGuard = guard;
    return {
      peer: {
        api,
        benchDir: join(dir, 'bench'),
        logFile,
        stop: async () => {
          ownGuard.killGroup('SIGTERM');
          const deadline = Date.now() + 10_000;
          while (groupAlive(pid) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
          if (groupAlive(pid)) ownGuard.killGroup('SIGKILL');
          while (running.exitCode === null && running.signalCode === null && Date.now() < deadline + 5_000) {
            await new Promise((done) => setTimeout(done, 50));
          }
          ownGuard.release();
          rmSync(work, { recursive: true, force: true });
        },
      },
    };
  } catch (error) {
    if (child?.pid !== undefined) {
      guard?.killGroup('SIGKILL');
      guard?.release();
    }
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}
