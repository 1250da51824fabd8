import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../electron/trpc/root';
import { SENDER_ADDRESS_MESSAGE, SENDER_ADDRESS_PATTERN } from '../../../../shared/formats';
import { isEmailAddress, isPhoneNumber, PHONE_MESSAGE } from '../../../../shared/user-rules';

type Outputs = inferRouterOutputs<AppRouter>['notifications'];
export type NotifySettingsView = Outputs['settings'];
export type OutboxMessage = Outputs['outbox'][number];
export type SettingsField = 'smtp_url' | 'mail_from' | 'sms_webhook_url';

/** The environment variable behind each field (docs/contract/API.md, Configuration). */
export const ENV_NAMES: Record<SettingsField, string> = {
  smtp_url: 'SHOPDESK_SMTP_URL',
  mail_from: 'SHOPDESK_MAIL_FROM',
  sms_webhook_url: 'SHOPDESK_SMS_WEBHOOK_URL',
};

/** What the server puts where the saved SMTP password was. */
export const REDACTED = '••••';

/** The server's URL encodes the dots of the redacted password; shown as dots. */
export function displayUrl(url: string | null): string {
  return (url ?? '').replace(/%E2%80%A2/giu, '•');
}

function urlWithProtocol(value: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * The server's checks, ahead of it, for the values that changed (what is saved, such as the
 * default sender `shopdesk@localhost`, is not sent back), plus one of ours: an edited SMTP URL
 * needs its password typed again.
 */
export function settingsRules(initial: Record<SettingsField, string>) {
  const changed = (field: SettingsField, check: (value: string) => string | null) => (raw: string) => {
    const value = raw.trim();
    return value === initial[field] || value === '' ? null : check(value);
  };
  return {
    smtp_url: changed('smtp_url', (value) => {
      if (!urlWithProtocol(value, ['smtp:', 'smtps:'])) return 'Use smtp://user:password@host:port (or smtps://).';
      return value.includes('•') ? 'Type the password again: the dots only stand for the saved one.' : null;
    }),
    mail_from: changed('mail_from', (value) => (SENDER_ADDRESS_PATTERN.test(value) ? null : SENDER_ADDRESS_MESSAGE)),
    sms_webhook_url: changed('sms_webhook_url', (value) =>
      urlWithProtocol(value, ['http:', 'https:']) ? null : 'Use an http:// or https:// address.',
    ),
  };
}

/** A test goes where a PIN would: to an account's email address or phone number (shared/user-rules.ts). */
export const testRecipientRule = {
  email: (raw: string) => (isEmailAddress(raw) ? null : 'Enter the email address to send the test to.'),
  phone: (raw: string) => (isPhoneNumber(raw) ? null : PHONE_MESSAGE),
};
