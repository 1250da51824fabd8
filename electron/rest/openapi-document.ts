import type { FastifyDynamicSwaggerOptions, SwaggerTransform } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import packageJson from '../../package.json' with { type: 'json' };
import { finishOpenApiDocument } from './openapi-finish';

/** One tag per resource, in the order a device developer meets them. */
const TAGS = [
  { name: 'health', description: 'Liveness and version, for monitors and device start-up checks.' },
  { name: 'setup', description: 'First run: create the shop owner (Super Admin), from the shop computer only, once.' },
  {
    name: 'auth',
    description:
      'Sign-in, token refresh and sign-out, self-registration of customers, changing your own password. Header mode returns tokens; `X-Auth-Mode: cookie` uses HttpOnly cookies with a CSRF header.',
  },
  {
    name: 'password-reset',
    description: 'A forgotten password: a 6-digit PIN by email or SMS, traded for a single-use reset token, then a new password.',
  },
  { name: 'roles', description: 'The fixed roles (Super Admin, Manager, Attendant, Cashier, Customer) and their password policies.' },
  { name: 'users', description: 'Staff and customer accounts: create, list, update, deactivate, unlock, assign a role.' },
  { name: 'me', description: 'The signed-in user’s own profile, with their manager and shifts or their workers.' },
  { name: 'working-times', description: 'The planned daily start and end times of a manager’s workers.' },
  {
    name: 'time-entries',
    description: 'Clock-in and clock-out: worked time against the planned shift, corrections, the payroll timesheet.',
  },
  { name: 'audit', description: 'Who changed what and when: staff, shifts, role settings, stock.' },
  { name: 'products', description: 'The catalog: products, prices in cents, stock and its audited adjustments.' },
  { name: 'stock', description: 'The stock ledger: every product’s movements, goods receiving, and what to reorder.' },
  { name: 'orders', description: 'Sales: an order takes its stock in one transaction, then is completed or cancelled.' },
  {
    name: 'refunds',
    description: 'Corrections of completed sales: units given back (restocked or damaged), money paid back, a receipt number of their own.',
  },
  {
    name: 'shop',
    description:
      'The shop’s settings: what receipts print, currency and time zone, prices with or without tax, cash rounding, the till’s lock.',
  },
  { name: 'registers', description: 'The shop’s tills: which one is the default, and which has an open drawer.' },
  {
    name: 'tax-rates',
    description: 'The shop’s tax rates in basis points; a rate never changes (a new rate is a new row), so old receipts stay true.',
  },
  {
    name: 'cash-sessions',
    description: 'A drawer’s day on a register: the opening float, cash in and out, the count at the close, the X and Z reports.',
  },
  {
    name: 'printers',
    description:
      'Receipt printers and the print queue: jobs are queued and retried, so a printer that is off never blocks or fails a sale.',
  },
  {
    name: 'backups',
    description:
      'Checked online copies of the database (daily, at each Z close, before migrations, on demand) and their settings; restoring is done on the shop computer only.',
  },
];

const SECURITY_SCHEMES = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Header mode: `Authorization: Bearer <access>` from `login`.',
  },
  cookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'sd_access',
    description:
      'Cookie mode (browsers): set by `login` with `X-Auth-Mode: cookie`; unsafe methods also need `X-CSRF-Token` equal to the `sd_csrf` cookie.',
  },
} as const;

/**
 * The served document covers the device API under `apiPrefix` only; the UI's own bridge
 * (`/trpc`, the static files) shares the port but is not a contract for devices.
 */
function apiRoutesOnly(apiPrefix: string): SwaggerTransform {
  return (input) => (input.url.startsWith(`${apiPrefix}/`) ? jsonSchemaTransform(input) : { schema: { hide: true }, url: input.url });
}

/** The @fastify/swagger options: the zod schemas of the routes become the OpenAPI 3.0 document. */
export function openApiOptions(version: string, apiPrefix: string): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'ShopDesk REST API',
        version,
        description:
          'The local REST port for in-store devices (POS terminals, kiosks, a browser back office). Every error has the body `Error`; lists are keyset pages with `Link: rel="next"`.',
        contact: { name: packageJson.author.name, email: packageJson.author.email, url: packageJson.homepage },
        // The app is not published under an open licence: its terms come with the shop's copy.
        license: { name: 'Proprietary', url: packageJson.homepage },
      },
      // Relative first: the computer that served this document, whatever its address, port or TLS.
      servers: [
        { url: '/', description: 'The ShopDesk computer that served this document' },
        { url: 'http://127.0.0.1:8740', description: 'The shop computer (default bind)' },
      ],
      tags: TAGS,
      components: { securitySchemes: SECURITY_SCHEMES },
      // Signed in by default; the public operations say `security: []`.
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: apiRoutesOnly(apiPrefix),
    transformObject: (input) => finishOpenApiDocument(jsonSchemaTransformObject(input)),
  };
}
