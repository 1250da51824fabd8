// Issue 15 (items 1 and 2): online backups on demand and at each Z close, checked, kept with the
// key, pruned by the retention settings, and copied to a second folder whose failure is shown.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isScheduledBackupDue } from '../../electron/core/backups/backup-schedule';
import { backupsToPrune, type RetainedBackup } from '../../electron/core/backups/retention';
import { createSignedInUser, openDrawer, setupOwner, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

const DAY = 24 * 60 * 60 * 1000;
const FILE_NAME = /^shopdesk-\d{8}-\d{6}-(manual|scheduled|migration|restore|z_report)(-\d+)?\.db$/;
const mode = (path: string) => statSync(path).mode & 0o777;

describe('backups over REST', () => {
  let t: TestCore;
  let owner: SignedIn;
  let cashier: SignedIn;
  const logged: string[] = [];
  const extraDirs: string[] = [];
  const backupDir = () => join(t.dataDir, 'backups');

  beforeAll(async () => {
    t = await startTestCore({ backupSchedule: false, log: (line) => logged.push(line) });
    owner = await setupOwner(t.api);
    cashier = await createSignedInUser(t.api, owner, 'cashier');
  });
  afterAll(async () => {
    await t.stop();
    for (const dir of extraDirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A backup as the shop's folder would hold it after months: its row (another connection) and files. */
  function plantBackup(name: string, reason: string, at: number): void {
    writeFileSync(join(backupDir(), name), 'planted');
    writeFileSync(join(backupDir(), name.replace(/\.db$/, '.key')), 'planted key');
    const side = new Database(join(t.dataDir, 'shopdesk.db'));
    try {
      side.pragma('busy_timeout = 5000');
      side
        .prepare("INSERT INTO backups (file, size_bytes, reason, integrity, created_by, created_at) VALUES (?, 7, ?, 'ok', NULL, ?)")
        .run(name, reason, at);
    } finally {
      side.close();
    }
  }

  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    extraDirs.push(dir);
    return dir;
  };

  it('POST /backups → 201: a checked copy in a 0700 folder, with the key beside it; GET lists it', async () => {
    const product = await t.api.post('/products', { sku: 'BK-1', name: 'Backed up', price_cents: 120, stock: 5 }, { token: owner.access });
    expect(product.status).toBe(201);

    const res = await t.api.post('/backups', undefined, { token: owner.access });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ reason: 'manual', integrity: 'ok', id: expect.any(Number) });
    expect(res.body.file).toMatch(FILE_NAME);
    expect(res.body.size_bytes).toBeGreaterThan(0);
    expect(Date.parse(res.body.created_at)).not.toBeNaN();

    const file = join(backupDir(), res.body.file);
    expect(statSync(file).size).toBe(res.body.size_bytes);
    expect(mode(backupDir())).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    const key = file.replace(/\.db$/, '.key');
    expect(mode(key)).toBe(0o600);
    expect(readFileSync(key, 'utf8')).toBe(readFileSync(join(t.dataDir, 'jwt-secret.key'), 'utf8'));

    // The copy is a whole database on its own (no -wal needed), with what was there.
    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT name FROM products WHERE sku = ?').pluck().get('BK-1')).toBe('Backed up');
    } finally {
      copy.close();
    }

    const list = await t.api.get('/backups', { token: owner.access });
    expect(list.status).toBe(200);
    expect(list.body[0]).toEqual(res.body);
  });

  it('two backups asked at once are made one after the other, both sound', async () => {
    const [a, b] = await Promise.all([
      t.api.post('/backups', undefined, { token: owner.access }),
      t.api.post('/backups', undefined, { token: owner.access }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.file).not.toBe(b.body.file);
    expect([a.body.integrity, b.body.integrity]).toEqual(['ok', 'ok']);
  });

  it('is the Super Admin’s: a cashier is 403 on every backup route', async () => {
    for (const res of [
      await t.api.get('/backups', { token: cashier.access }),
      await t.api.post('/backups', undefined, { token: cashier.access }),
      await t.api.get('/backup-settings', { token: cashier.access }),
      await t.api.patch('/backup-settings', { keep_daily: 3 }, { token: cashier.access }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('forbidden');
    }
  });

  it('has no restore route over the network', async () => {
    const res = await t.api.post('/backups/1/restore', {}, { token: owner.access });
    expect(res.status).toBe(404);
  });

  it('GET/PATCH /backup-settings: defaults, validation, an audited change', async () => {
    const before = await t.api.get('/backup-settings', { token: owner.access });
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ time_of_day: '03:00', keep_daily: 14, keep_monthly: 12, second_folder: '', second_folder_status: null });

    const bad = await t.api.patch('/backup-settings', { time_of_day: '25:00', keep_daily: 0 }, { token: owner.access });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['keep_daily', 'time_of_day']);

    const missing = await t.api.patch('/backup-settings', { second_folder: '/no/such/folder/here' }, { token: owner.access });
    expect(missing.status).toBe(400);
    expect(missing.body.fields.second_folder[0]).toMatch(/does not exist/);
    const relative = await t.api.patch('/backup-settings', { second_folder: 'usb' }, { token: owner.access });
    expect(relative.status).toBe(400);

    const changed = await t.api.patch('/backup-settings', { time_of_day: '22:30' }, { token: owner.access });
    expect(changed.status).toBe(200);
    expect(changed.body.time_of_day).toBe('22:30');
    const audit = await t.api.get('/audit-log?action=settings.backups_updated', { token: owner.access });
    expect(audit.status).toBe(200);
    expect(audit.body[0]).toMatchObject({ before: { time_of_day: '03:00' }, after: { time_of_day: '22:30' } });
  });

  it('a Z close is followed by a z_report backup, and the close answers as usual', async () => {
    const { sessionId } = await openDrawer(t.api, owner);
    const closed = await t.api.post(`/cash-sessions/${sessionId}/close`, { counted_cash_cents: 0 }, { token: owner.access });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const deadline = Date.now() + 10_000;
    let found: { reason: string; integrity: string } | undefined;
    while (!found && Date.now() < deadline) {
      const list = await t.api.get('/backups', { token: owner.access });
      found = (list.body as { reason: string; integrity: string }[]).find((b) => b.reason === 'z_report');
      if (!found) await new Promise((r) => setTimeout(r, 50));
    }
    expect(found).toMatchObject({ reason: 'z_report', integrity: 'ok' });
  });

  it('retention prunes old files and their rows together, and keeps what the rules keep', async () => {
    const set = await t.api.patch('/backup-settings', { keep_daily: 1, keep_monthly: 0 }, { token: owner.access });
    expect(set.status).toBe(200);
    const now = Date.now();
    const planted = [
      { name: 'old-scheduled-a.db', reason: 'scheduled', at: now - 400 * DAY, kept: true },
      { name: 'old-scheduled-b.db', reason: 'scheduled', at: now - 401 * DAY, kept: false },
      { name: 'old-manual-a.db', reason: 'manual', at: now - 90 * DAY, kept: false },
      { name: 'old-manual-b.db', reason: 'manual', at: now - 100 * DAY, kept: false },
      { name: 'recent-z.db', reason: 'z_report', at: now - 5 * DAY, kept: true },
    ];
    for (const p of planted) plantBackup(p.name, p.reason, p.at);

    const res = await t.api.post('/backups', undefined, { token: owner.access });
    expect(res.status).toBe(201);
    const files = ((await t.api.get('/backups', { token: owner.access })).body as { file: string }[]).map((b) => b.file);
    for (const p of planted) {
      expect(files.includes(p.name), `${p.name} row`).toBe(p.kept);
      expect(existsSync(join(backupDir(), p.name)), `${p.name} file`).toBe(p.kept);
      expect(existsSync(join(backupDir(), p.name.replace(/\.db$/, '.key'))), `${p.name} key`).toBe(p.kept);
    }
    expect(files).toContain(res.body.file);
    await t.api.patch('/backup-settings', { keep_daily: 14, keep_monthly: 12 }, { token: owner.access });
  });

  it('copies each backup (and its key) to the second folder; a failure there is shown, never silent', async () => {
    const second = tempDir('shopdesk-usb-');
    const set = await t.api.patch('/backup-settings', { second_folder: second }, { token: owner.access });
    expect(set.status, JSON.stringify(set.body)).toBe(200);

    const made = await t.api.post('/backups', undefined, { token: owner.access });
    expect(made.status).toBe(201);
    const copy = join(second, made.body.file);
    expect(readFileSync(copy).equals(readFileSync(join(backupDir(), made.body.file))), 'the copy is byte for byte the backup').toBe(true);
    expect(existsSync(copy.replace(/\.db$/, '.key'))).toBe(true);
    const ok = await t.api.get('/backup-settings', { token: owner.access });
    expect(ok.body.second_folder_status).toMatchObject({ ok: true, file: made.body.file, error: null });

    // The stick is gone and a file sits where the folder was (root writes through any mode bits);
    // an old backup due for pruning meets the broken folder too.
    rmSync(second, { recursive: true, force: true });
    writeFileSync(second, 'not a folder');
    plantBackup('stale-manual.db', 'manual', Date.now() - 100 * DAY);
    const next = await t.api.post('/backups', undefined, { token: owner.access });
    expect(next.status, 'the backup itself is still made').toBe(201);
    expect(next.body.integrity).toBe('ok');
    const failed = await t.api.get('/backup-settings', { token: owner.access });
    expect(failed.body.second_folder_status).toMatchObject({ ok: false, file: next.body.file });
    expect(failed.body.second_folder_status.error).toMatch(/ENOTDIR|not a directory/i);
    expect(logged.some((line) => line.includes('not copied to the second folder'))).toBe(true);
    expect(existsSync(join(backupDir(), 'stale-manual.db')), 'pruned all the same').toBe(false);
  });
});

describe('the rules without a server', () => {
  it('the daily backup is due once the shop clock reaches its time, once per shop day', () => {
    const at = Date.parse('2030-01-15T10:00:00Z');
    const deps = (times: number[], timeOfDay = '03:00', zone = 'UTC') => ({
      timeOfDay: () => timeOfDay,
      timeZone: () => zone,
      scheduledTimes: () => times,
    });
    expect(isScheduledBackupDue(at, deps([]))).toBe(true);
    expect(isScheduledBackupDue(at, deps([], '10:01'))).toBe(false);
    expect(isScheduledBackupDue(at, deps([Date.parse('2030-01-15T03:00:05Z')]))).toBe(false);
    expect(isScheduledBackupDue(at, deps([Date.parse('2030-01-14T03:00:05Z')]))).toBe(true);
    // 10:00 UTC is 05:00 in New York: not yet 06:00 there.
    expect(isScheduledBackupDue(at, deps([], '06:00', 'America/New_York'))).toBe(false);
  });

  it('retention: the newest of each of the last N days, the first of the last M months, 30 days of the rest', () => {
    const now = Date.parse('2030-03-20T12:00:00Z');
    let id = 0;
    const b = (iso: string, reason: RetainedBackup['reason'] = 'scheduled', integrity: RetainedBackup['integrity'] = 'ok') => ({
      id: ++id,
      reason,
      integrity,
      createdAt: Date.parse(iso),
    });
    const rows = [
      b('2030-03-20T03:00:00Z'),
      b('2030-03-19T03:00:00Z'),
      b('2030-03-19T09:00:00Z'),
      b('2030-03-18T03:00:00Z'),
      b('2030-03-01T03:00:00Z'),
      b('2030-02-01T03:00:00Z'),
      b('2030-02-02T03:00:00Z'),
      b('2030-01-01T03:00:00Z'),
      b('2030-03-10T03:00:00Z', 'manual'),
      b('2030-01-10T03:00:00Z', 'manual'),
      b('2029-12-10T03:00:00Z', 'manual'),
      b('2029-12-11T03:00:00Z', 'migration'),
      b('2030-03-20T01:00:00Z', 'scheduled', 'failed'),
    ];
    const pruned = backupsToPrune(rows, { keepDaily: 2, keepMonthly: 2, timeZone: 'UTC', now }).map((r) => r.id);
    // Kept: 20th and 19th 09:00 (daily), Mar 1 and Feb 1 (monthly), the March manual (recent), the
    // newest migration (the only one), the failed one (recent). Pruned: the rest.
    expect(pruned.sort((x, y) => x - y)).toEqual([2, 4, 7, 8, 10, 11]);
  });
});
