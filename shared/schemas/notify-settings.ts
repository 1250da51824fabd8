import { z } from 'zod';
import { SENDER_ADDRESS_MESSAGE, SENDER_ADDRESS_PATTERN } from '../formats';
import { resetChannelSchema } from './password-reset';

export const notifySettingsInput = z.strictObject({
  smtp_url: z
    .union([z.literal(''), z.url({ protocol: /^smtps?$/, error: 'Use smtp://user:password@host:port (or smtps://).' })])
    .optional(),
  // Loose on purpose (shared/formats.ts): the default sender, shopdesk@localhost, has no dot.
  mail_from: z.union([z.literal(''), z.string().trim().max(254).regex(SENDER_ADDRESS_PATTERN, SENDER_ADDRESS_MESSAGE)]).optional(),
  sms_webhook_url: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'Use an http:// or https:// address.' })]).optional(),
});
export type NotifySettingsInput = z.infer<typeof notifySettingsInput>;

export const sendTestInput = z.strictObject({
  channel: resetChannelSchema,
  to: z.string().trim().min(3).max(254),
});
