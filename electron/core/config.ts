import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads the environment (API.md, Configuration of the headless server).
 * An environment variable wins over a stored setting, so unset values stay undefined here.
 */
const envSchema = z.object({
  SHOPDESK_DATA_DIR: z.string().min(1).default('./data'),
  SHOPDESK_HOST: z.string().min(1).default('127.0.0.1'),
  SHOPDESK_PORT: z.coerce.number().int().min(0).max(65535).default(8740),
  SHOPDESK_SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SHOPDESK_MAIL_FROM: z.string().min(3).optional(),
  SHOPDESK_SMS_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  SHOPDESK_REGISTRATION: z.enum(['on', 'off']).optional(),
});

export interface EnvConfig {
  dataDir: string;
  host: string;
  port: number;
  smtpUrl?: string;
  mailFrom?: string;
  smsWebhookUrl?: string;
  registration?: 'on' | 'off';
}

export function readEnvConfig(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    dataDir: resolve(e.SHOPDESK_DATA_DIR),
    host: e.SHOPDESK_HOST,
    port: e.SHOPDESK_PORT,
    smtpUrl: e.SHOPDESK_SMTP_URL,
    mailFrom: e.SHOPDESK_MAIL_FROM,
    smsWebhookUrl: e.SHOPDESK_SMS_WEBHOOK_URL,
    registration: e.SHOPDESK_REGISTRATION,
  };
}
