import { z } from 'zod';

const pemPath = z.string().trim().max(1024, 'At most 1024 characters.');

/** The HTTPS certificate of the LAN port: both paths, or both empty for plain HTTP. */
export const networkSettingsInput = z.strictObject({ tls_cert_path: pemPath, tls_key_path: pemPath }).superRefine((value, context) => {
  if (value.tls_cert_path === '' && value.tls_key_path !== '') {
    context.addIssue({ code: 'custom', path: ['tls_cert_path'], message: 'Give the certificate too, or clear both.' });
  }
  if (value.tls_key_path === '' && value.tls_cert_path !== '') {
    context.addIssue({ code: 'custom', path: ['tls_key_path'], message: 'Give the private key too, or clear both.' });
  }
});
export type NetworkSettingsInput = z.infer<typeof networkSettingsInput>;

export interface NetworkSettingsView {
  tls_cert_path: string | null;
  tls_key_path: string | null;
  /** SHOPDESK_TLS_CERT / SHOPDESK_TLS_KEY decide; the stored paths have no say. */
  from_environment: boolean;
  /** What this running server does; a saved change applies at the next start. */
  serving_https: boolean;
  /** Why the saved certificate was not used at this start (the server then speaks plain HTTP). */
  start_problem: string | null;
  /** SHOPDESK_ALLOWED_HOSTS, shown for reference. */
  allowed_hosts: string[];
}
