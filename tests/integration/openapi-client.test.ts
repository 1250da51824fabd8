/**
 * The OpenAPI document is usable by a device developer: types generated from the served document
 * with openapi-typescript type-check a small openapi-fetch client (a deliberately wrong field is
 * refused by the compiler), and the very same client program then sells against the real core.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

/** What a POS terminal's developer writes against the generated `paths`: sign in, add a product, sell it. */
const CLIENT_PROGRAM = `
import createClient from 'openapi-fetch';
import type { components, paths } from './shopdesk-api';

type Order = components['schemas']['Order'];

export async function sellOne(baseUrl: string, password: string) {
  const anonymous = createClient<paths>({ baseUrl });
  const setup = await anonymous.POST('/api/v1/setup', { body: { username: 'owner', password, first_name: 'Olga', last_name: 'Owner' } });
  if (!setup.data) throw new Error(\`setup: \${setup.error?.message}\`);

  const login = await anonymous.POST('/api/v1/auth/login', { body: { username: 'owner', password } });
  if (!login.data?.access) throw new Error(\`login: \${login.error?.message}\`);
  const till = createClient<paths>({ baseUrl, headers: { Authorization: \`Bearer \${login.data.access}\` } });

  const product = await till.POST('/api/v1/products', { body: { sku: 'TEA-GREEN-50', name: 'Green tea 50 g', price_cents: 349, stock: 10 } });
  if (!product.data) throw new Error(\`product: \${product.error?.message}\`);

  // @ts-expect-error money is whole cents in \`price_cents\`; a \`price\` field does not exist
  const wrong = await till.POST('/api/v1/products', { body: { sku: 'TEA-BLACK-50', name: 'Black tea 50 g', price: 3.49 } });

  const placed = await till.POST('/api/v1/orders', {
    params: { header: { 'idempotency-key': 'till-1-sale-0001' } },
    body: { items: [{ product_id: product.data.id, amount: 2 }], complete: false },
  });
  if (!placed.data) throw new Error(\`order: \${placed.error?.message}\`);

  const read = await till.GET('/api/v1/orders/{id}', { params: { path: { id: placed.data.id } } });
  if (!read.data) throw new Error(\`read order: \${read.error?.message}\`);
  const order: Order = read.data;
  const stock = await till.GET('/api/v1/products/{id}', { params: { path: { id: product.data.id } } });

  // The parked sale is paid in cash at the default till, once its drawer is open.
  const registers = await till.GET('/api/v1/registers');
  const register = registers.data?.find((r) => r.is_default);
  if (!register) throw new Error(\`registers: \${registers.error?.message}\`);
  const closedDrawer = await till.POST('/api/v1/orders/{id}/complete', { params: { path: { id: order.id } }, body: {} });
  const drawer = await till.POST('/api/v1/cash-sessions', { body: { register_id: register.id, opening_float_cents: 5000 } });
  if (!drawer.data) throw new Error(\`drawer: \${drawer.error?.message}\`);
  const paid = await till.POST('/api/v1/orders/{id}/complete', {
    params: { path: { id: order.id } },
    body: { register_id: register.id, payments: [{ method: 'cash', amount_cents: order.total_cents, tendered_cents: 1000 }] },
  });
  if (!paid.data) throw new Error(\`complete: \${paid.error?.message}\`);
  const sold: Order = paid.data;

  return {
    ownerRole: login.data.role,
    productId: product.data.id,
    wrongField: { status: wrong.response.status, error: wrong.error?.error, fields: wrong.error?.fields },
    placedStatus: placed.response.status,
    order,
    stockLeft: stock.data?.stock,
    closedDrawer: { status: closedDrawer.response.status, error: closedDrawer.error?.error },
    sessionId: drawer.data.id,
    sold,
  };
}
`;

interface SaleResult {
  ownerRole: string;
  productId: number;
  wrongField: { status: number; error?: string; fields?: Record<string, string[]> };
  placedStatus: number;
  order: { id: number; status: string; total_cents: number; items: { product_id: number; amount: number; line_total_cents: number }[] };
  stockLeft?: number;
  closedDrawer: { status: number; error?: string };
  sessionId: number;
  sold: { status: string; receipt_no: number | null; cash_session_id: number | null; payments: unknown[] };
}

/** The parts of the served document these tests read. */
const documentedOperation = z.object({
  operationId: z.string().optional(),
  summary: z.string().optional(),
  tags: z.array(z.string()).optional(),
  security: z.array(z.unknown()).optional(),
});
const servedDocument = z.object({
  tags: z.array(z.object({ name: z.string() })),
  security: z.unknown(),
  paths: z.record(z.string(), z.record(z.string(), documentedOperation)),
});

function typeErrorsOf(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // A browser or a POS terminal's runtime: fetch and Request come from the DOM library.
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('a client generated from the OpenAPI document', () => {
  let t: TestCore;
  // Inside the project, so the client program resolves openapi-fetch from its node_modules.
  let workDir: string;
  let clientFile: string;
  let served: z.infer<typeof servedDocument>;
  let operations: z.infer<typeof documentedOperation>[];

  beforeAll(async () => {
    t = await startTestCore();
    const res = await fetch(`${t.core.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const text = await res.text();
    served = servedDocument.parse(JSON.parse(text));
    operations = Object.values(served.paths).flatMap((item) => Object.values(item));
    const types = astToString(await openapiTS(text, { silent: true }));
    mkdirSync(resolve('test-results'), { recursive: true });
    workDir = mkdtempSync(join(resolve('test-results'), 'openapi-client-'));
    writeFileSync(join(workDir, 'shopdesk-api.d.ts'), types);
    clientFile = join(workDir, 'sell-one.ts');
    writeFileSync(clientFile, CLIENT_PROGRAM);
  });
  afterAll(async () => {
    await t.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('type-checks a client program against the generated types (and its wrong field is a type error)', () => {
    // An unused `@ts-expect-error` is itself an error: a clean check proves the types are real, not `any`.
    expect(typeErrorsOf(clientFile)).toEqual([]);
  });

  it('runs the same program against the core: setup, sign-in, product, open order, read back, open the drawer, sell', async () => {
    const program: { sellOne: (baseUrl: string, password: string) => Promise<SaleResult> } = await import(pathToFileURL(clientFile).href);
    const sale = await program.sellOne(t.core.url, PASSWORDS.super_admin);

    expect(sale.ownerRole).toBe('Super Admin');
    expect(sale.wrongField).toMatchObject({ status: 400, error: 'validation_failed' });
    expect(Object.keys(sale.wrongField.fields ?? {})).toEqual(expect.arrayContaining(['price_cents']));
    expect(sale.placedStatus).toBe(201);
    expect(sale.order).toMatchObject({
      status: 'open',
      total_cents: 698,
      items: [{ product_id: sale.productId, amount: 2, line_total_cents: 698 }],
    });
    expect(sale.stockLeft).toBe(8);
    expect(sale.closedDrawer).toEqual({ status: 409, error: 'no_open_session' });
    expect(sale.sold).toMatchObject({
      status: 'completed',
      receipt_no: 1,
      cash_session_id: sale.sessionId,
      payments: [{ method: 'cash', amount_cents: 698, tendered_cents: 1000, change_cents: 302, reference: null }],
    });
  });

  it('names every operation with a unique camelCase operationId, a summary and one known tag', () => {
    const tags = new Set(served.tags.map((tag) => tag.name));
    const ids = operations.map((op) => op.operationId);
    expect(operations.length).toBeGreaterThanOrEqual(35);
    expect(ids.filter((id) => !/^[a-z][a-zA-Z]+$/.test(id ?? ''))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const op of operations) {
      expect(op.summary, op.operationId).toBeTypeOf('string');
      expect(op.tags, op.operationId).toHaveLength(1);
      expect(tags.has(op.tags?.[0] ?? ''), `${op.operationId}: tag ${op.tags?.[0]}`).toBe(true);
    }
  });

  it('asks for no sign-in exactly where none is needed', () => {
    const open = operations.filter((op) => op.security?.length === 0).map((op) => op.operationId);
    expect(open.sort()).toEqual(
      [
        'getHealth',
        'setUpShop',
        'login',
        // The till's PIN sign-in: no token, but only from a trusted device.
        'pinLogin',
        // The till's quick-switch roster: shown before sign-in, on the same trusted devices.
        'getPinRoster',
        'refreshTokens',
        'register',
        'requestPasswordReset',
        'verifyPasswordResetPin',
        'confirmPasswordReset',
        'listRoles',
      ].sort(),
    );
    expect(served.security).toEqual([{ bearer: [] }, { cookie: [] }]);
  });
});
