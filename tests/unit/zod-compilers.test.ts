// The REST port's schema compilers (electron/rest/zod-compilers.ts, issue 16): answers are
// checked by zod's compiled forward parse instead of encode, so they must still strip what the
// schema does not name, refuse what it does not allow (a 500, never the data), and a response
// schema whose two directions differ must not start at all. Requests read as before.
import fc from 'fast-check';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { installErrorHandlers } from '../../electron/rest/error-handler';
import { directionDependentPart, serializerCompiler, validatorCompiler } from '../../electron/rest/zod-compilers';
import { orderSchema } from '../../shared/schemas/orders';
import { phoneSchema } from '../../shared/schemas/users';

const person = z.object({ id: z.number().int(), username: z.string(), phone: z.string().nullable() });

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function appWith(route: (app: FastifyInstance) => void): FastifyInstance {
  app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  route(app);
  return app;
}

describe('answers', () => {
  it('leave out every field the schema does not name', async () => {
    const server = appWith((a) =>
      a.get('/me', { schema: { response: { 200: person } } }, async () => ({
        id: 1,
        username: 'olga',
        phone: null,
        password_hash: '$2b$12$secret',
        pin_hash: 'x',
      })),
    );
    const res = await server.inject('/me');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 1, username: 'olga', phone: null });
    expect(res.body).not.toContain('secret');
  });

  it('that break their schema are a 500 in the API format, with none of the data', async () => {
    const server = appWith((a) =>
      a.get('/me', { schema: { response: { 200: person } } }, async () => ({ id: 'one', username: 'olga', phone: '+4412345' })),
    );
    const res = await server.inject('/me');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ error: 'internal_error' });
    expect(res.body).not.toContain('+4412345');
  });

  it('read exactly as encoding them would, for a page of orders', () => {
    const order = {
      id: 9,
      user_id: 2,
      user: { id: 2, username: 'cashier', first_name: 'A', last_name: 'B', password_hash: 'x' },
      status: 'completed',
      items: [
        {
          order_item_id: 1,
          product_id: 3,
          name: 'Tea',
          amount: 2,
          unit_price_cents: 150,
          line_total_cents: 300,
          tax_rate_id: null,
          discount_cents: 0,
          discount: { type: 'percent', value: 10, extra: true },
          net_line_cents: 270,
          refunded_amount: 0,
        },
      ],
      total_cents: 270,
      address: null,
      phone: null,
      created_at: '2026-12-02T05:00:00.000Z',
      completed_at: '2026-12-02T05:00:01.000Z',
      completed_by: 2,
      receipt_no: 41,
      register_id: 1,
      cash_session_id: 1,
      subtotal_cents: 300,
      discount_cents: 30,
      tax_cents: 0,
      rounding_cents: 0,
      due_cents: 270,
      taxes: [],
      payments: [{ method: 'cash', amount_cents: 270, tendered_cents: 500, change_cents: 230, reference: null }],
      refunded_cents: 0,
      discount: null,
      discount_approved_by: null,
    };
    const page = z.array(orderSchema);
    const serialize = serializerCompiler({ schema: page, method: 'GET', url: '/orders', httpStatus: '200' });
    expect(serialize([order, { ...order, id: 8 }])).toBe(JSON.stringify(z.encode(page, [order, { ...order, id: 8 }] as never)));
  });
});

describe('money in answers (property)', () => {
  const int = fc.integer({ min: -100_000_000, max: 100_000_000 });
  const id = fc.integer({ min: 1, max: 2 ** 31 });
  const text = fc.string({ maxLength: 12 });
  const when = fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  const discount = fc.option(fc.record({ type: fc.constantFrom('percent', 'amount'), value: int }));
  // Keys no schema names ride along: what the database or a future DTO might add.
  const extra = fc.dictionary(fc.constantFrom('password_hash', 'pin_hash', 'note', 'cost_cents'), text, { maxKeys: 2 });
  const line = fc.record({
    order_item_id: id,
    product_id: id,
    name: text,
    amount: int,
    unit_price_cents: int,
    line_total_cents: int,
    tax_rate_id: fc.option(id),
    discount_cents: int,
    discount,
    net_line_cents: int,
    refunded_amount: int,
  });
  const order = fc
    .record({
      id,
      user_id: id,
      user: fc.option(fc.record({ id, username: text, first_name: text, last_name: text })),
      status: fc.constantFrom('open', 'completed', 'cancelled'),
      items: fc.array(line, { maxLength: 4 }),
      total_cents: int,
      address: fc.option(text),
      phone: fc.option(text),
      created_at: when,
      completed_at: fc.option(when),
      completed_by: fc.option(id),
      receipt_no: fc.option(id),
      register_id: fc.option(id),
      cash_session_id: fc.option(id),
      subtotal_cents: int,
      discount_cents: int,
      tax_cents: int,
      rounding_cents: int,
      due_cents: int,
      taxes: fc.array(fc.record({ tax_rate_id: id, name: text, rate_bp: int, taxable_cents: int, tax_cents: int }), { maxLength: 3 }),
      payments: fc.array(
        fc.record({
          method: fc.constantFrom('cash', 'card', 'other'),
          amount_cents: int,
          tendered_cents: int,
          change_cents: int,
          reference: fc.option(text),
        }),
        { maxLength: 3 },
      ),
      refunded_cents: int,
      discount,
      discount_approved_by: fc.option(id),
    })
    .chain((o) => extra.map((more) => ({ ...more, ...o })));

  it('every page of orders reads to the byte as encoding it would: the same figures, nothing more', () => {
    const page = z.array(orderSchema);
    const serialize = serializerCompiler({ schema: page, method: 'GET', url: '/orders', httpStatus: '200' });
    fc.assert(
      fc.property(fc.array(order, { maxLength: 8 }), (orders) => {
        const sent = serialize(orders);
        expect(sent).toBe(JSON.stringify(z.encode(page, orders as never)));
        expect(sent).not.toMatch(/password_hash|pin_hash|cost_cents/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a response schema that reads differently each way', () => {
  it.each([
    ['transform', z.object({ phone: phoneSchema })],
    ['default', z.object({ stock: z.number().default(0) })],
    ['catch', z.object({ stock: z.number().catch(0) })],
    ['codec', z.object({ at: z.codec(z.iso.datetime(), z.date(), { decode: (s) => new Date(s), encode: (d) => d.toISOString() }) })],
  ])('is refused at start-up (%s)', async (part, schema) => {
    expect(directionDependentPart(schema)).toBe(part);
    const server = appWith((a) => a.get('/x', { schema: { response: { 200: schema } } }, async () => ({})));
    await expect(server.ready()).rejects.toThrow(`GET /x: a response schema must be plain data, and this one has a ${part}`);
  });

  it('is found inside arrays, nullable objects and unions', () => {
    const hidden = z.object({ list: z.array(z.union([z.string(), z.object({ n: z.number().nullable().default(null) }).nullable()])) });
    expect(directionDependentPart(hidden)).toBe('default');
    expect(directionDependentPart(z.array(orderSchema))).toBeNull();
  });
});

describe('requests', () => {
  it('are refused with the fields named, and transformed as their schema says', async () => {
    const server = appWith((a) =>
      a.post(
        '/people',
        { schema: { body: z.strictObject({ phone: phoneSchema, age: z.number().int().min(0) }) } },
        async (request) => request.body,
      ),
    );
    const bad = await server.inject({ method: 'POST', url: '/people', payload: { phone: '+44 20 7946 0958', age: -1, role: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'validation_failed' });
    expect(Object.keys(bad.json().fields)).toEqual(expect.arrayContaining(['age']));
    const good = await server.inject({ method: 'POST', url: '/people', payload: { phone: '+44 20 7946 0958', age: 40 } });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({ phone: z.parse(phoneSchema, '+44 20 7946 0958'), age: 40 });
  });
});
