// Issue 9 (item 6): the only Super Admin, locked out for good, gets back in from the machine
// that holds the data folder: `npm run recover -- unlock|reset-password <username>`, run while
// the server is up, audited.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: ROOT, env: { ...process.env, ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const recover = (args: string[], env?: Record<string, string>) => run(TSX, ['electron/server/recover.ts', ...args], env);

/** The one-time password the command prints, indented on a line of its own. */
const printedPassword = (stdout: string) => /^ {4}(\S+)$/m.exec(stdout)?.[1] ?? '';

describe('npm run recover', () => {
  let t: TestCore;
  let owner: SignedIn;
  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
  });
  afterAll(() => t.stop());

  const login = (password: string, username = owner.username) => t.api.post('/auth/login', { username, password });

  async function lockOwnerOut() {
    for (let i = 1; i <= 5; i++) expect((await login(`wrong-password-${i}`)).status, `wrong try ${i}`).toBe(401);
    expect((await login(PASSWORDS.super_admin)).status).toBe(423);
  }

  it('unlock: the locked-out owner signs in with the usual password, while the server runs', { timeout: 60_000 }, async () => {
    await lockOwnerOut();
    const ran = await recover(['unlock', owner.username, '--data-dir', t.dataDir]);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/unlocked/);

    const back = await login(PASSWORDS.super_admin);
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.user.is_locked).toBe(false);
  });

  it(
    'reset-password (data folder from SHOPDESK_DATA_DIR): the printed password signs in once, with 403 code 4',
    { timeout: 60_000 },
    async () => {
      await lockOwnerOut();
      const ran = await recover(['reset-password', owner.username.toUpperCase()], { SHOPDESK_DATA_DIR: t.dataDir });
      expect(ran.stderr).toBe('');
      expect(ran.code).toBe(0);
      const oneTime = printedPassword(ran.stdout);
      expect(oneTime.length).toBeGreaterThanOrEqual(12);

      // Every sign-in of the account has ended; the old password is gone.
      expect((await t.api.get('/me', { token: owner.access })).status).toBe(401);
      expect((await login(PASSWORDS.super_admin)).status).toBe(401);

      const first = await login(oneTime);
      expect(first.status, JSON.stringify(first.body)).toBe(403);
      expect(first.body).toMatchObject({ error: 'password_expired', code: 4 });
      const changed = await t.api.post(
        '/auth/password/change',
        { old_password: oneTime, new_password: 'Owner-Back-In-2026!' },
        { token: first.body.change_token },
      );
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      const signedIn = await login('Owner-Back-In-2026!');
      expect(signedIn.status).toBe(200);

      const audit = await t.api.get(`/audit-log?user_id=${owner.id}`, { token: signedIn.body.access });
      expect(audit.status).toBe(200);
      const recoveries = audit.body.filter((e: { action: string }) => e.action.startsWith('user.recovered'));
      expect(recoveries.map((e: { action: string }) => e.action)).toEqual(['user.recovered_password', 'user.recovered_unlock']);
      for (const entry of recoveries) {
        expect(entry).toMatchObject({ actor: null, target_id: owner.id });
        expect(entry.after.via).toMatch(/command/);
      }
    },
  );

  it('through the npm script; refuses an unknown account, a folder without a database and a bad command', { timeout: 60_000 }, async () => {
    const viaNpm = await run('npm', ['run', '--silent', 'recover', '--', 'unlock', owner.username, '--data-dir', t.dataDir]);
    expect(viaNpm.code, viaNpm.stderr).toBe(0);
    expect(viaNpm.stdout).toMatch(/unlocked/);

    const unknown = await recover(['unlock', 'nobody-here', '--data-dir', t.dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no account named "nobody-here"/i);

    const empty = mkdtempSync(join(tmpdir(), 'shopdesk-empty-'));
    try {
      const missing = await recover(['unlock', owner.username, '--data-dir', empty]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/No ShopDesk database/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }

    const bad = await recover(['delete-everything', owner.username, '--data-dir', t.dataDir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Usage/);
  });
});
