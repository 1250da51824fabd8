import type { EnvConfig } from '../config';
import type { SettingsService } from '../settings/settings-service';

export const DEFAULT_MAIL_FROM = 'shopdesk@localhost';

export interface NotifyConfig {
  smtpUrl: string | null;
  mailFrom: string;
  smsWebhookUrl: string | null;
  /** Which values come from the environment, and so cannot be changed on the settings screen. */
  fromEnvironment: { smtpUrl: boolean; mailFrom: boolean; smsWebhookUrl: boolean };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The channels in force: an environment variable wins over the stored setting. */
export function readNotifyConfig(env: Partial<EnvConfig>, settings: SettingsService): NotifyConfig {
  return {
    smtpUrl: env.smtpUrl ?? text(settings.read('smtp_url')),
    mailFrom: env.mailFrom ?? text(settings.read('mail_from')) ?? DEFAULT_MAIL_FROM,
    smsWebhookUrl: env.smsWebhookUrl ?? text(settings.read('sms_webhook_url')),
    fromEnvironment: {
      smtpUrl: env.smtpUrl !== undefined,
      mailFrom: env.mailFrom !== undefined,
      smsWebhookUrl: env.smsWebhookUrl !== undefined,
    },
  };
}
