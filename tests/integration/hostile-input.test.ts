import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

/**
 * The reliability bar: every endpoint of the OpenAPI document fed malformed, oversized
 * and hostile input answers without a 5xx, in the error format, and writes nothing.
 */
const HOSTILE_IDS = ['0', '-1', 'abc', '1e3', '99999999999999999999', '%00', "1' or '1'='1", 'x'.repeat(300)];
const LONG = 'A'.repeat(20_000);
const HOSTILE_BODIES: string[] = [
  '{',
  '[]',
  'null',
  '"text"',
  '123',
  JSON.stringify({ __proto__: { is_admin: true }, constructor: { prototype: { x: 1 } } }),
  JSON.stringify({ username: LONG, password: LONG, first_name: LONG, last_name: LONG }),
  JSON.stringify({ username: 1, password: true, role: ['super_admin'], manager_id: 'me', minimum_characters: '8' }),
  JSON.stringify({ username: "x'; drop table users; --", password: 'a\u0000b', email: 'not-an-email', phone: '☎' }),
  JSON.stringify({ refresh: LONG, old_password: {}, new_password: [] }),
  JSON.stringify(Array.from({ length: 2_000 }, () => ({ a: [1, 2, 3] }))),
  '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000),
];

/** What the test reads of an operation in the OpenAPI document. */
interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: { nullable?: boolean } }> };
}

interface Operation {
  method: string;
  path: string;
}

function countRows(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return {
      users: count('users'),
      audit_log: count('audit_log'),
      refresh_families: count('refresh_families'),
      settings: count('settings'),
    };
  } finally {
    db.close();
  }
}

describe('hostile input on every endpoint', () => {
  let t: TestCore;
  let owner: SignedIn;
  let operations: Operation[] = [];
  /** Operations without input, whose body may be absent: a JSON `null` is that absent body. */
  const nullableBody = new Set<string>();

  beforeAll(async () => {
    t = await startTestCore({ loginThrottle: { failures: 100_000, windowSeconds: 60 } });
    owner = await setupOwner(t.api);
    const doc = await t.api.get('/openapi.json');
    expect(doc.status).toBe(200);
    const paths = doc.body.paths as Record<string, Record<string, unknown>>;
    operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path: path.replace(/^\/api\/v1/, '') })),
    );
    for (const [path, methods] of Object.entries(paths))
      for (const [method, operation] of Object.entries(methods as Record<string, OpenApiOperation>))
        if (operation.requestBody?.content?.['application/json']?.schema?.nullable === true)
          nullableBody.add(`${method.toUpperCase()} ${path.replace(/^\/api\/v1/, '')}`);
  });
  afterAll(() => t.stop());

  it('finds the endpoints in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(15);
  });

  it('never answers 5xx, always in the error format, and writes nothing', async () => {
    const before = countRows(`${t.dataDir}/shopdesk.db`);
    const failures: string[] = [];
    let sent = 0;
    for (const op of operations) {
      const paths = op.path.includes('{') ? HOSTILE_IDS.map((id) => op.path.replace(/\{[^}]+\}/g, encodeURIComponent(id))) : [op.path];
      const bodies =
        op.method === 'GET' || op.method === 'DELETE'
          ? [undefined]
          : HOSTILE_BODIES.filter((body) => body !== 'null' || !nullableBody.has(`${op.method} ${op.path}`));
      for (const path of paths) {
        for (const rawBody of bodies) {
          for (const token of [undefined, owner.access]) {
            sent++;
            const res = await t.api.request(op.method, path, {
              rawBody,
              token,
              headers: rawBody === undefined ? {} : { 'content-type': 'application/json' },
            });
            const where = `${op.method} ${path.slice(0, 60)} body=${rawBody?.slice(0, 30)} auth=${token ? 'yes' : 'no'}`;
            if (res.status >= 500) failures.push(`${where} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
            if (res.status >= 400) {
              const ok =
                typeof res.body === 'object' &&
                res.body !== null &&
                typeof res.body.error === 'string' &&
                typeof res.body.message === 'string';
              if (!ok) failures.push(`${where} → ${res.status} not in the error format: ${String(res.body).slice(0, 100)}`);
            } else if (op.method !== 'GET') {
              failures.push(`${where} → ${res.status}: hostile input was accepted`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(500);
    const after = countRows(`${t.dataDir}/shopdesk.db`);
    expect(after).toEqual(before);
  });
});
