// Issue 15: the desktop app's restore, with fakes for the core and the window: the order of the
// steps, a refused backup that reopens the old core, and one restore at a time.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RestoreRefused } from '../../electron/core/backups/restore';
import { DomainError } from '../../electron/core/errors';
import { backupFolderParts, createDesktopRestore, RESTORE_RUNNING, type DesktopRestoreParts } from '../../electron/main/desktop-restore';

function fakeParts(overrides: Partial<DesktopRestoreParts> = {}) {
  const steps: string[] = [];
  let releaseClose: (() => void) | null = null;
  const parts: DesktopRestoreParts = {
    check: (file) => {
      steps.push(`check ${file}`);
      return null;
    },
    closeCore: () =>
      new Promise<void>((resolve) => {
        steps.push('close');
        releaseClose = resolve;
      }),
    restore: (file, by) => {
      steps.push(`restore ${file} by ${by}`);
      return { safety_backup: 'shopdesk-20261201-120000-restore.db', key_restored: true };
    },
    startCore: () => {
      steps.push('start');
      return Promise.resolve();
    },
    reloadWindow: () => steps.push('reload'),
    ...overrides,
  };
  /** The core closes when the test says so, to hold a restore in the middle. */
  const finishClose = async () => {
    while (!releaseClose) await new Promise((resolve) => setTimeout(resolve, 1));
    const release: () => void = releaseClose;
    releaseClose = null;
    release();
  };
  return { parts, steps, finishClose };
}

async function refusalOf(promise: Promise<unknown>): Promise<DomainError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('desktop restore', () => {
  it('checks, closes the core, restores, starts the core again and reloads the window, in that order', async () => {
    const { parts, steps, finishClose } = fakeParts();
    const restorer = createDesktopRestore(parts);
    const done = restorer.restore('a.db', 7);
    await finishClose();
    await expect(done).resolves.toEqual({ safety_backup: 'shopdesk-20261201-120000-restore.db', key_restored: true });
    expect(steps).toEqual(['check a.db', 'close', 'restore a.db by 7', 'start', 'reload']);
  });

  it('a damaged file is refused before anything stops', async () => {
    const { parts, steps } = fakeParts({ check: () => 'a.db is damaged (database disk image is malformed); nothing was replaced.' });
    const error = await refusalOf(createDesktopRestore(parts).restore('a.db', 7));
    expect(error.error).toBe('invalid_state');
    expect(error.message).toMatch(/damaged/);
    expect(steps).toEqual([]);
  });

  it('a refused backup reopens the old core, does not reload, and reports why', async () => {
    const { parts, steps, finishClose } = fakeParts({
      restore: () => {
        steps.push('restore');
        throw new RestoreRefused('a.db is an SQLite file but not a ShopDesk backup; nothing was replaced.');
      },
    });
    const restorer = createDesktopRestore(parts);
    const done = refusalOf(restorer.restore('a.db', 7));
    await finishClose();
    const error = await done;
    expect(error.status).toBe(409);
    expect(error.message).toBe('a.db is an SQLite file but not a ShopDesk backup; nothing was replaced.');
    expect(steps).toEqual(['check a.db', 'close', 'restore', 'start']);
  });

  it('an unexpected failure reopens the core too, and is passed on as it is', async () => {
    const failure = new Error('EACCES: permission denied');
    const { parts, steps, finishClose } = fakeParts({
      restore: () => {
        throw failure;
      },
    });
    const done = createDesktopRestore(parts)
      .restore('a.db', 7)
      .catch((e: unknown) => e);
    await finishClose();
    expect(await done).toBe(failure);
    expect(steps).toEqual(['check a.db', 'close', 'start']);
  });

  it('no second restore while one runs; the next one is welcome after it', async () => {
    const { parts, steps, finishClose } = fakeParts();
    const restorer = createDesktopRestore(parts);
    const first = restorer.restore('a.db', 7);
    const second = await refusalOf(restorer.restore('b.db', 7));
    expect(second.message).toBe(RESTORE_RUNNING);
    let settled = false;
    const idle = restorer.settled().then(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(settled).toBe(false);
    await finishClose();
    await first;
    await idle;

    const next = restorer.restore('d.db', 7);
    await finishClose();
    await expect(next).resolves.toBeDefined();
    expect(steps.filter((s) => s.startsWith('restore'))).toEqual(['restore a.db by 7', 'restore d.db by 7']);
  });
});

describe('the backups folder parts', () => {
  it('check refuses a missing or damaged file, and never reads outside the backups folder', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-desktop-restore-'));
    try {
      mkdirSync(join(dataDir, 'backups'));
      writeFileSync(join(dataDir, 'backups', 'shopdesk-20261201-120000-manual.db'), 'not a database at all');
      writeFileSync(join(dataDir, 'outside.db'), 'elsewhere');
      const { check } = backupFolderParts(dataDir);
      expect(check('shopdesk-20261201-120000-manual.db')).toMatch(
        /^shopdesk-20261201-120000-manual\.db is damaged \(it is not an SQLite database/,
      );
      expect(check('gone.db')).toBe('gone.db is no longer in the backups folder; nothing was replaced.');
      expect(check('../outside.db')).toBe('outside.db is no longer in the backups folder; nothing was replaced.');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
