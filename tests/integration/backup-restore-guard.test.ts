// Issue 15: restoring a backup is never an action of the network. Over HTTP tRPC (the browser
// UI) `backups.restore` answers 403 with where to restore instead, and `canRestore` is false;
// REST has no restore route at all. The data is left as it was.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupDto } from '../../shared/schemas/backups';
import { RESTORE_ONLY_ON_DESKTOP } from '../../electron/trpc/routers/backups';
import { createSignedInUser, setupOwner, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';
import { signedInTrpcClient, trpcErrorOf, type TrpcBrowserClient } from '../helpers/trpc-client';

describe('no restore over the network', () => {
  let t: TestCore;
  let owner: SignedIn;
  let ownerUi: TrpcBrowserClient;
  let backup: BackupDto;

  beforeAll(async () => {
    t = await startTestCore({ webUi: {}, backupSchedule: false });
    owner = await setupOwner(t.api);
    ownerUi = await signedInTrpcClient(t.core.url, owner.username, PASSWORDS.super_admin);
    backup = await ownerUi.backups.create.mutate();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('tRPC over HTTP: the Super Admin is told to restore at the shop computer, and nothing changes', async () => {
    expect(await ownerUi.backups.canRestore.query()).toBe(false);
    const refusal = await trpcErrorOf(ownerUi.backups.restore.mutate({ id: backup.id }));
    expect(refusal).toEqual({ error: 'forbidden', message: RESTORE_ONLY_ON_DESKTOP });
    // Even an id that does not exist gets the same answer: nothing is looked up over the network.
    expect(await trpcErrorOf(ownerUi.backups.restore.mutate({ id: 999_999 }))).toEqual({
      error: 'forbidden',
      message: RESTORE_ONLY_ON_DESKTOP,
    });

    const files = readdirSync(join(t.dataDir, 'backups')).filter((f) => f.endsWith('.db'));
    expect(files).toEqual([backup.file]);
    expect(existsSync(join(t.dataDir, 'shopdesk.db.restoring'))).toBe(false);
    const list = await ownerUi.backups.list.query();
    expect(list.map((b) => b.reason)).toEqual(['manual']);
    // The shop keeps working on its own database.
    expect((await t.api.get('/backups', { token: owner.access })).status).toBe(200);
  });

  it('tRPC over HTTP: other roles are refused too, and cannot restore', async () => {
    const manager = await createSignedInUser(t.api, owner, 'manager');
    const managerUi = await signedInTrpcClient(t.core.url, manager.username, manager.password);
    expect(await managerUi.backups.canRestore.query()).toBe(false);
    expect((await trpcErrorOf(managerUi.backups.restore.mutate({ id: backup.id }))).error).toBe('forbidden');
  });

  it('REST has no restore route: every guess is 404, with the API error body', async () => {
    for (const [method, path] of [
      ['POST', `/backups/${backup.id}/restore`],
      ['POST', '/backups/restore'],
      ['POST', '/restore'],
      ['PUT', `/backups/${backup.id}`],
    ] as const) {
      const res = await fetch(`${t.core.url}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${owner.access}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id: backup.id }),
      });
      expect(res.status, `${method} ${path}`).toBe(404);
      const body: unknown = await res.json();
      expect(body).toMatchObject({ error: 'not_found' });
    }
    const list = (await t.api.get<BackupDto[]>('/backups', { token: owner.access })).body;
    expect(list.map((b) => b.reason)).toEqual(['manual']);
  });
});
