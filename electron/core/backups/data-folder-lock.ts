import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The process that has the data folder open writes its id here, and removes it when it closes. */
export const SERVER_PID_FILE = 'shopdesk.pid';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another account.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/**
 * The id of a live process that holds the folder, or null. A file left by a killed server
 * (kill -9, a power cut) names a dead process and does not count.
 */
export function runningServerPid(dataDir: string): number | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, SERVER_PID_FILE), 'utf8');
  } catch {
    return null;
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

/** Marks the folder as in use by this process; the answer releases it (only if still ours). */
export function claimDataFolder(dataDir: string): () => void {
  const file = join(dataDir, SERVER_PID_FILE);
  writeFileSync(file, `${process.pid}\n`, { mode: 0o600 });
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
}
