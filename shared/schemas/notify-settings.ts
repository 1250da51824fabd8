import { z } from 'zod';
import { resetChannelSchema } from './password-reset';

export const notifySettingsInput = z.strictObject({
  smtp_url: z
    .union([z.literal(''), z.url({ protocol: /^smtps?$/, error: 'Use smtp://user:password@host:port (or smtps://).' })])
    .optional(),
  // Loose on purpose: the default sender, shopdesk@localhost, has no dot in its domain.
  mail_from: z
    .union([
      z.literal(''),
      z
        .string()
        .trim()
        .max(254)
        .regex(/^[^@\s]+@[^@\s]+$/, 'Enter an email address such as shop@example.com.'),
    ])
    .optional(),
  sms_webhook_url: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'Use an http:// or https:// address.' })]).optional(),
});
export type NotifySettingsInput = z.infer<typeof notifySettingsInput>;

export const sendTestInput = z.strictObject({
  channel: resetChannelSchema,
  to: z.string().trim().min(3).max(254),
});
