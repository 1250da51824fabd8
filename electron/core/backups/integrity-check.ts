import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { INTEGRITY_PRAGMA, integrityFromLines, wrongHeader, type IntegrityResult } from './backup-files';

/**
 * The worker's code, run from this string (`eval`): no worker file whose path would differ
 * between tsx (a .ts beside this one) and the electron-vite bundle (out/main). better-sqlite3
 * comes by the absolute path the main thread resolved, so both load the same package.
 */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let copy;
try {
  const binding = workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {};
  copy = new Database(workerData.file, { readonly: true, fileMustExist: true, ...binding });
  parentPort.postMessage({ lines: copy.pragma(workerData.pragma).map((row) => row.integrity_check) });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  if (copy) copy.close();
}
`;

const MINUTE = 60_000;
const MIB = 1024 * 1024;

/**
 * How long a check may take before it counts as failed: ten minutes, plus a second per MiB.
 * integrity_check reads the whole file (seconds for 440 MB), so only a stuck worker gets there.
 */
export const integrityTimeoutMs = (bytes: number) => 10 * MINUTE + Math.ceil(bytes / MIB) * 1_000;

export interface OffThreadOptions {
  /** Instead of integrityTimeoutMs(size of the file). */
  timeoutMs?: number;
  /** The better-sqlite3 module file the worker requires (tests point it at a missing one). */
  driver?: string;
}

type WorkerAnswer = { lines: string[] } | { error: string };

const isAnswer = (message: unknown): message is WorkerAnswer =>
  typeof message === 'object' &&
  message !== null &&
  (('lines' in message && Array.isArray(message.lines)) || ('error' in message && typeof message.error === 'string'));

const durationText = (ms: number) => (ms >= MINUTE ? `${Math.round(ms / MINUTE)} min` : `${ms} ms`);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * checkIntegrity (backup-files.ts) with the same answers, in a worker thread: the event loop
 * stays free for the shop's requests while SQLite reads the copy. A worker that cannot start,
 * crashes or overruns its time gives a failed result saying so, never a check that hangs.
 * It resolves once the worker has closed the file (so it can be moved or deleted right after),
 * except on a timeout, which resolves at once and leaves the worker to end when SQLite lets it.
 */
export function checkIntegrityOffThread(file: string, nativeBinding?: string, options: OffThreadOptions = {}): Promise<IntegrityResult> {
  const wrong = wrongHeader(file);
  if (wrong) return Promise.resolve(wrong);
  const timeoutMs = options.timeoutMs ?? integrityTimeoutMs(statSync(file).size);

  return new Promise((resolve) => {
    let worker: Worker;
    try {
      const driver = options.driver ?? createRequire(import.meta.url).resolve('better-sqlite3');
      worker = new Worker(WORKER_CODE, { eval: true, workerData: { file, nativeBinding, driver, pragma: INTEGRITY_PRAGMA } });
    } catch (error) {
      resolve({ ok: false, detail: `the integrity check could not start: ${messageOf(error)}` });
      return;
    }
    let answer: IntegrityResult | undefined;
    let settled = false;
    const settle = (result: IntegrityResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      settle({ ok: false, detail: `the integrity check did not finish within ${durationText(timeoutMs)}` });
      // terminate() waits for SQLite's call to return; meanwhile the worker must not keep the process alive.
      worker.unref();
      void worker.terminate();
    }, timeoutMs);

    worker.on('message', (message: unknown) => {
      if (!isAnswer(message)) answer = { ok: false, detail: 'the integrity check gave an answer it should not' };
      // An error opening or reading the file is the detail checkIntegrity gives too.
      else answer = 'lines' in message ? integrityFromLines(message.lines) : { ok: false, detail: message.error };
    });
    worker.on('error', (error) => {
      answer ??= { ok: false, detail: `the integrity check could not run: ${messageOf(error)}` };
    });
    worker.on('exit', (code) => {
      settle(answer ?? { ok: false, detail: `the integrity check stopped (exit code ${code}) before answering` });
    });
  });
}
