import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads the environment (docs/contract/API.md, Configuration of the headless server).
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
  SHOPDESK_ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((list) =>
      (list ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter((name) => name !== ''),
    )
    .refine(
      (names) => names.every((name) => /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(name)),
      'host names or addresses, optionally with :port (IPv6 in [brackets]), separated by commas',
    ),
  SHOPDESK_TLS_CERT: z.string().min(1).optional(),
  SHOPDESK_TLS_KEY: z.string().min(1).optional(),
  /** Pages per step of an online backup: a tuning knob `npm run bench` measures. */
  SHOPDESK_BACKUP_STEP_PAGES: z.coerce.number().int().min(1).max(1_000_000).optional(),
});

export interface EnvConfig {
  dataDir: string;
  host: string;
  port: number;
  smtpUrl?: string;
  mailFrom?: string;
  smsWebhookUrl?: string;
  registration?: 'on' | 'off';
  /** Extra names the server answers to besides its bound address and loopback (DNS-rebinding guard). */
  allowedHosts?: string[];
  /** PEM files of the certificate and key: the REST port and the web UI are then HTTPS. */
  tlsCert?: string;
  tlsKey?: string;
  /** Pages copied per step of an online backup (default 256). */
  backupStepPages?: number;
}

/** electron-vite's dev-server address in `npm run dev`; the desktop shell decides whether to honour it. */
export function readRendererDevServerUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.ELECTRON_RENDERER_URL;
}

export function readEnvConfig(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  // Half a TLS set-up would silently serve plain HTTP: refuse it at start.
  if ((e.SHOPDESK_TLS_CERT === undefined) !== (e.SHOPDESK_TLS_KEY === undefined)) {
    const missing = e.SHOPDESK_TLS_CERT === undefined ? 'SHOPDESK_TLS_CERT' : 'SHOPDESK_TLS_KEY';
    const given = missing === 'SHOPDESK_TLS_CERT' ? 'SHOPDESK_TLS_KEY' : 'SHOPDESK_TLS_CERT';
    throw new Error(`Invalid configuration: ${missing}: required when ${given} is set (give both, or neither)`);
  }
  return {
    dataDir: resolve(e.SHOPDESK_DATA_DIR),
    host: e.SHOPDESK_HOST,
    port: e.SHOPDESK_PORT,
    smtpUrl: e.SHOPDESK_SMTP_URL,
    mailFrom: e.SHOPDESK_MAIL_FROM,
    smsWebhookUrl: e.SHOPDESK_SMS_WEBHOOK_URL,
    registration: e.SHOPDESK_REGISTRATION,
    allowedHosts: e.SHOPDESK_ALLOWED_HOSTS,
    tlsCert: e.SHOPDESK_TLS_CERT === undefined ? undefined : resolve(e.SHOPDESK_TLS_CERT),
    tlsKey: e.SHOPDESK_TLS_KEY === undefined ? undefined : resolve(e.SHOPDESK_TLS_KEY),
    backupStepPages: e.SHOPDESK_BACKUP_STEP_PAGES,
  };
}
