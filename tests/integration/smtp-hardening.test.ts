import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { createSignedInUser, setupOwner } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';
import { signedInTrpcClient, trpcErrorOf, type TrpcBrowserClient } from '../helpers/trpc-client';

/**
 * Issue 9, item 12 (a, b): the saved SMTP password only ever goes back to the same server,
 * port and user; and smtp:// insists on STARTTLS unless the URL explicitly allows plaintext.
 * Two real SMTP servers on loopback stand for the shop's and an intruder's.
 */

describe('the saved SMTP password', () => {
  let t: TestCore;
  let shopMail: MailCatcher;
  let otherMail: MailCatcher;
  let ui: TrpcBrowserClient;
  const port = (m: MailCatcher) => m.port;

  beforeAll(async () => {
    [shopMail, otherMail] = await Promise.all([startMailCatcher(), startMailCatcher()]);
    t = await startTestCore({ webUi: {} });
    const owner = await setupOwner(t.api);
    ui = await signedInTrpcClient(t.core.url, owner.username, PASSWORDS.super_admin);
  });
  afterAll(async () => {
    await t.stop();
    await Promise.all([shopMail.close(), otherMail.close()]);
  });

  /** Sends a test mail and returns the credentials the receiving server saw. */
  async function credentialsSeenBy(catcher: MailCatcher, to: string) {
    const sent = await ui.notifications.sendTest.mutate({ channel: 'email', to });
    expect(sent, JSON.stringify(sent)).toEqual({ ok: true });
    return (await catcher.nextMessage(to)).auth;
  }

  it('is kept on an edit that leaves server, port and user alone', async () => {
    await ui.notifications.updateSettings.mutate({ smtp_url: `smtp://shop:s3cret@127.0.0.1:${port(shopMail)}?plaintext=1` });
    expect(await credentialsSeenBy(shopMail, 'first@example.com')).toEqual({ username: 'shop', password: 's3cret' });

    // The screen shows the password redacted and sends the redaction back with the edit.
    const shown = (await ui.notifications.settings.query()).smtp_url ?? '';
    expect(shown).not.toContain('s3cret');
    await ui.notifications.updateSettings.mutate({ smtp_url: shown, mail_from: 'till@example.com' });
    expect(await credentialsSeenBy(shopMail, 'second@example.com')).toEqual({ username: 'shop', password: 's3cret' });
  });

  it('is never sent to another server, port or user: the edit needs the password typed again', async () => {
    const shown = (await ui.notifications.settings.query()).smtp_url ?? '';
    const redirected = [
      shown.replace(`:${port(shopMail)}`, `:${port(otherMail)}`),
      shown.replace('//shop:', '//intruder:'),
      shown.replace('127.0.0.1', 'localhost'),
    ];
    for (const smtp_url of redirected) {
      expect(smtp_url).not.toBe(shown);
      const refused = await trpcErrorOf(ui.notifications.updateSettings.mutate({ smtp_url }));
      expect(refused.error, smtp_url).toBe('validation_failed');
      expect(refused.fields?.smtp_url?.[0]).toContain('Type the password again');
    }
    // Nothing was stored: the settings still point at the shop's server.
    expect((await ui.notifications.settings.query()).smtp_url).toBe(shown);

    // Without a password the new server gets none; the old one is gone for good.
    await ui.notifications.updateSettings.mutate({ smtp_url: `smtp://127.0.0.1:${port(otherMail)}?plaintext=1` });
    const sent = await ui.notifications.sendTest.mutate({ channel: 'email', to: 'third@example.com' });
    expect(sent).toEqual({ ok: true });
    expect((await otherMail.nextMessage('third@example.com')).auth).toBeNull();
    const back = await trpcErrorOf(
      ui.notifications.updateSettings.mutate({
        smtp_url: `smtp://shop:%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2@127.0.0.1:${port(shopMail)}?plaintext=1`,
      }),
    );
    expect(back.error).toBe('validation_failed');
  });
});

describe('STARTTLS on smtp://', () => {
  let mail: MailCatcher;
  let t: TestCore | undefined;
  beforeAll(async () => {
    mail = await startMailCatcher();
  });
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });
  afterAll(() => mail.close());

  it('is required: a server without it gets no mail, neither a test nor a PIN', async () => {
    const logs: string[] = [];
    t = await startTestCore({ webUi: {}, env: { smtpUrl: mail.urlRequiringTls }, log: (line) => logs.push(line) });
    const owner = await setupOwner(t.api);
    const ui = await signedInTrpcClient(t.core.url, owner.username, PASSWORDS.super_admin);
    const sent = await ui.notifications.sendTest.mutate({ channel: 'email', to: 'tls@example.com' });
    expect(sent.ok).toBe(false);
    expect(sent.error).toMatch(/STARTTLS/i);

    await createSignedInUser(t.api, owner, 'cashier', { email: 'pin@example.com' });
    expect((await t.api.post('/auth/password/reset/request', { type: 'email', value: 'pin@example.com' })).status).toBe(202);
    await expect.poll(() => logs.some((line) => /delivery of message \d+ by email failed/.test(line)), { timeout: 5_000 }).toBe(true);
    expect(mail.received('tls@example.com')).toEqual([]);
    expect(mail.received('pin@example.com')).toEqual([]);
  });

  it('is waived only by ?plaintext=1, in the environment or on the settings screen', async () => {
    t = await startTestCore({ webUi: {}, env: { smtpUrl: mail.url } });
    const owner = await setupOwner(t.api);
    const ui = await signedInTrpcClient(t.core.url, owner.username, PASSWORDS.super_admin);
    expect(await ui.notifications.sendTest.mutate({ channel: 'email', to: 'plain@example.com' })).toEqual({ ok: true });
    expect((await mail.nextMessage('plain@example.com')).subject).toBe('ShopDesk test message');
    await t.stop();

    t = await startTestCore({ webUi: {} });
    const owner2 = await setupOwner(t.api);
    const ui2 = await signedInTrpcClient(t.core.url, owner2.username, PASSWORDS.super_admin);
    await ui2.notifications.updateSettings.mutate({ smtp_url: mail.urlRequiringTls });
    expect((await ui2.notifications.sendTest.mutate({ channel: 'email', to: 'stored@example.com' })).ok).toBe(false);
    await ui2.notifications.updateSettings.mutate({ smtp_url: mail.url });
    expect(await ui2.notifications.sendTest.mutate({ channel: 'email', to: 'stored@example.com' })).toEqual({ ok: true });
    expect(mail.received('stored@example.com')).toHaveLength(1);
  });
});
