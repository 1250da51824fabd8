import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type CoreOptions } from '../../electron/server/create-core';
import { createApiClient } from './api-client';

/** Passwords that meet each role's default policy and are on no common list. */
export const PASSWORDS = {
  super_admin: 'Owner-Quartz-7731',
  manager: 'Mgr-Walnut-4410',
  attendant: 'Att-Pepper-82',
  cashier: 'till-pine-57',
  customer: 'buyer-lemon-93',
} as const;

/**
 * Starts the real core on a fresh temp data folder and a free port, as a user would run it.
 * Call `stop()` in afterAll/afterEach: it closes the core and removes the folder.
 */
export async function startTestCore(options: Partial<CoreOptions> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-test-'));
  // Printers the tests (the fuzzers included) create never reach beyond this machine.
  // The daily backup stays off unless a test asks for it: a test running past 03:00 shop time
  // would find a backup it did not make.
  const core = await createCore({
    dataDir,
    port: 0,
    log: () => {},
    backupSchedule: false,
    ...options,
    printing: { loopbackOnly: true, ...options.printing },
  });
  const api = createApiClient(core.url);
  return {
    core,
    api,
    dataDir,
    async stop() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestCore = Awaited<ReturnType<typeof startTestCore>>;
