/**
 * One wrk run of a scenario script, bounded: `timeout` kills a wrk that hangs, wrk's own
 * --timeout bounds each request. The scripts print one `RESULT` line (lib.lua), read here.
 * Asynchronous on purpose: the servers' stdout pipes are read by this process, and a blocking
 * call would let them fill and stall the server under test.
 */
import { execFile } from 'node:child_process';

export interface WrkResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses with a status of 400 or more (wrk's errors.status). */
  non2xx: number;
  /** connect + read + write + timeout errors. */
  socketErrors: number;
}

export interface WrkRun {
  url: string;
  /** Absolute path of the Lua script. */
  script: string;
  /** Folder holding the script's lib.lua (the scripts read it from BENCH_DIR). */
  benchDir: string;
  seconds: number;
  threads: number;
  connections: number;
  env?: Record<string, string>;
}

export function runWrk(run: WrkRun): Promise<WrkResult> {
  const url = new URL(run.url);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') throw new Error(`refusing a non-loopback target: ${run.url}`);
  const args = [
    '-k',
    '5',
    String(run.seconds + 30),
    'wrk',
    `-t${run.threads}`,
    `-c${run.connections}`,
    `-d${run.seconds}s`,
    '--timeout',
    '10s',
    '-s',
    run.script,
    run.url,
  ];
  return new Promise((done, fail) => {
    execFile(
      'timeout',
      args,
      { env: { ...process.env, ...run.env, BENCH_DIR: run.benchDir }, maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        const line = /^RESULT (\S+) (\S+) (\S+) (\d+) (\d+)$/m.exec(stdout);
        if (error || !line) {
          fail(new Error(`wrk ${run.script} ${run.url} failed: ${error?.message ?? 'no RESULT line'}\n${stdout}${stderr}`));
          return;
        }
        const [, rps, p50, p99, non2xx, socketErrors] = line.map(Number);
        done({ rps: rps ?? NaN, p50Ms: p50 ?? NaN, p99Ms: p99 ?? NaN, non2xx: non2xx ?? 0, socketErrors: socketErrors ?? 0 });
      },
    );
  });
}
