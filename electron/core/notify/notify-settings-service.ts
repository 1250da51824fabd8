import type { NotifySettingsInput } from '../../../shared/schemas/notify-settings';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import type { EnvConfig } from '../config';
import type { Db } from '../../../db/client';
import type { SettingsService } from '../settings/settings-service';
import { invalidField } from '../errors';
import { requirePermission } from '../permissions';
import { allowsPlaintext } from './channels';
import { readNotifyConfig } from './notify-config';

const KEYS = { smtp_url: 'smtp_url', mail_from: 'mail_from', sms_webhook_url: 'sms_webhook_url' } as const;

const REDACTED = '••••';

/** Hides the password of an SMTP URL when it is shown back. */
function redactUrl(url: string | null): string | null {
  if (!url) return url;
  const parsed = new URL(url);
  if (parsed.password) parsed.password = REDACTED;
  return parsed.toString();
}

/** Where a password would go: it is only ever sent again to the very same account and server. */
function destinationOf(url: URL): string {
  const secure = url.protocol === 'smtps:';
  const port = url.port || (secure ? '465' : '587');
  return JSON.stringify([url.protocol, url.hostname.toLowerCase(), port, decodeURIComponent(url.username), allowsPlaintext(url)]);
}

/**
 * An edited URL that still carries the redaction keeps the stored password, but only when the
 * server, port, user and encryption are unchanged: otherwise whoever edits the settings could
 * send the saved password to a server of their own. Then the password must be typed again.
 */
function restorePassword(edited: string, stored: string | null): string {
  if (!edited) return edited;
  const parsed = new URL(edited);
  if (decodeURIComponent(parsed.password) !== REDACTED) return edited;
  const previous = stored ? new URL(stored) : null;
  if (!previous?.password || destinationOf(previous) !== destinationOf(parsed)) {
    throw invalidField('smtp_url', 'Type the password again: the saved one is only kept while the server, port and user stay the same.');
  }
  parsed.password = previous.password;
  return parsed.toString();
}

/** The mail and SMS settings screen (Super Admin); values from the environment are read-only. */
export function createNotifySettingsService(db: Db, env: Partial<EnvConfig>, settings: SettingsService) {
  function view() {
    const config = readNotifyConfig(env, settings);
    return {
      smtp_url: redactUrl(config.smtpUrl),
      mail_from: config.mailFrom,
      sms_webhook_url: config.smsWebhookUrl,
      from_environment: {
        smtp_url: config.fromEnvironment.smtpUrl,
        mail_from: config.fromEnvironment.mailFrom,
        sms_webhook_url: config.fromEnvironment.smsWebhookUrl,
      },
    };
  }

  return {
    get(actor: Actor) {
      requirePermission(actor, 'notify_settings.read');
      return view();
    },
    update(actor: Actor, input: NotifySettingsInput, now = Date.now()) {
      requirePermission(actor, 'notify_settings.update');
      const before = view();
      db.transaction((tx) => {
        const config = readNotifyConfig(env, settings);
        const lockedByEnvironment = {
          smtp_url: config.fromEnvironment.smtpUrl,
          mail_from: config.fromEnvironment.mailFrom,
          sms_webhook_url: config.fromEnvironment.smsWebhookUrl,
        };
        for (const [field, key] of Object.entries(KEYS) as [keyof NotifySettingsInput, string][]) {
          const value = input[field];
          // A value set by the environment wins anyway: storing another would only mislead.
          if (value === undefined || lockedByEnvironment[field]) continue;
          settings.write(key, field === 'smtp_url' ? restorePassword(value, config.smtpUrl) : value, now, tx);
        }
        recordAudit(tx, {
          actorId: actor.user.id,
          action: 'settings.notifications_updated',
          targetType: 'settings',
          targetId: null,
          before,
          after: view(),
          now,
        });
      });
      return view();
    },
  };
}
