// An unexpected failure (here: the products table vanishes under the running core, as a broken
// disk or a bad restore would do) answers the generic 500 and leaves one line in the shop's log
// file, over REST and over tRPC alike, with where it happened and no credential or query value.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, LOG_FILE } from '../../electron/core/logger';
import { setupOwner, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';
import { signedInTrpcClient, trpcErrorOf } from '../helpers/trpc-client';

const GENERIC_500 = { error: 'internal_error', message: 'Something went wrong on our side.' };
/** A search term that must never be copied from the failed query into the log. */
const SEARCHED = 'zebra-marmalade-4417';
const NEW_PASSWORD = 'Owner-Basalt-9902';

interface LogLine {
  level: number;
  msg: string;
  path?: string;
  method?: string;
  procedure?: string;
  err?: { message?: string; stack?: string };
}

describe('unexpected errors are logged to the log file on both transports', () => {
  let t: TestCore;
  let owner: SignedIn;
  const logDir = mkdtempSync(join(tmpdir(), 'shopdesk-log-'));
  const logFile = join(logDir, LOG_FILE);
  const logText = () => readFileSync(logFile, 'utf8');
  const logLines = (): LogLine[] =>
    logText()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as LogLine);

  beforeAll(async () => {
    t = await startTestCore({ webUi: {}, logger: createLogger({ file: logFile }) });
    owner = await setupOwner(t.api);
    const sqlite = new Database(join(t.dataDir, 'shopdesk.db'));
    sqlite.exec('ALTER TABLE products RENAME TO products_gone');
    // A write that fails while it runs, with a new password hash among its values.
    sqlite.exec(`CREATE TRIGGER refuse_new_hashes BEFORE UPDATE OF password_hash ON users
      BEGIN SELECT RAISE(ABORT, 'the disk refused the write'); END`);
    sqlite.close();
  });
  afterAll(async () => {
    await t.stop();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('is a file only its owner can read', () => {
    expect(statSync(logFile).mode & 0o777).toBe(0o600);
  });

  it('REST: the generic 500, and a line with the method and path but not the query', async () => {
    const res = await t.api.get(`/products?q=${SEARCHED}`, { token: owner.access });
    expect(res.status).toBe(500);
    expect(res.body).toEqual(GENERIC_500);

    const line = logLines().find((entry) => entry.msg === 'unexpected error' && entry.path === '/api/v1/products');
    expect(line, logText()).toBeDefined();
    expect(line).toMatchObject({ level: 50, method: 'GET' });
    expect(line?.err?.message).toMatch(/no such table: products/);
  });

  it('tRPC over HTTP: the generic 500 body, and a line with the procedure', async () => {
    const client = await signedInTrpcClient(t.core.url, 'owner', PASSWORDS.super_admin);
    expect(await trpcErrorOf(client.catalog.list.query({ q: SEARCHED, limit: 10 }))).toEqual(GENERIC_500);

    const line = logLines().find((entry) => entry.msg === 'unexpected error in a tRPC procedure');
    expect(line, logText()).toBeDefined();
    expect(line).toMatchObject({ level: 50, procedure: 'catalog.list' });
    expect(line?.err?.message).toMatch(/no such table: products/);
  });

  it('REST: a failed write is logged without the values it was writing', async () => {
    const res = await t.api.post(
      '/auth/password/change',
      { old_password: PASSWORDS.super_admin, new_password: NEW_PASSWORD },
      { token: owner.access },
    );
    expect(res.status).toBe(500);
    expect(res.body).toEqual(GENERIC_500);

    const line = logLines().find((entry) => entry.path === '/api/v1/auth/password/change');
    expect(line, logText()).toBeDefined();
    expect(line?.err?.message).toMatch(/the disk refused the write/);
    expect(logText()).not.toMatch(/\$2[aby]\$/);
  });

  it('holds no password, token, cookie or query value', () => {
    const text = logText();
    expect(text).not.toContain(SEARCHED);
    expect(text).not.toContain(PASSWORDS.super_admin);
    expect(text).not.toContain(NEW_PASSWORD);
    expect(text).not.toContain(owner.access);
    expect(text).not.toContain(owner.refresh);
    expect(text).not.toMatch(/sd_access|sd_refresh|eyJ/);
  });
});
