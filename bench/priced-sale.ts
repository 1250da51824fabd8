import { priceOrder, type TaxRateRef } from '../shared/pricing';

/**
 * The sale of issue 13's bench line: two products at two tax rates (one with a 10 % line
 * discount) and a third untaxed, as the shop's default gross prices and 1-cent cash rounding
 * price it. The amount due comes from the core's own pricing function, so the payment is exact.
 */
export async function priceBenchSale(api: string, access: string, productIds: number[]) {
  const headers = { authorization: `Bearer ${access}`, 'content-type': 'application/json' };
  const post = async (path: string, method: string, body: unknown) => {
    const res = await fetch(`${api}${path}`, { method, headers, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const standard = (await post('/tax-rates', 'POST', { name: 'Bench standard', rate_bp: 2000 })) as unknown as TaxRateRef;
  const reduced = (await post('/tax-rates', 'POST', { name: 'Bench reduced', rate_bp: 550 })) as unknown as TaxRateRef;
  const rates = [standard, reduced, null];
  const lines = [];
  for (const [index, id] of productIds.entries()) {
    const rate = rates[index] ?? null;
    const product = (await post(`/products/${id}`, 'PATCH', { tax_rate_id: rate?.id ?? null })) as { price_cents: number };
    lines.push({ id, price: product.price_cents, rate });
  }
  const discount = { type: 'percent' as const, value: 10 };
  const priced = priceOrder({
    lines: lines.map((line, index) => ({
      unit_price_cents: line.price,
      amount: 1,
      tax_rate: line.rate,
      discount: index === 0 ? discount : null,
    })),
    prices_include_tax: true,
  });
  return {
    items: lines.map((line, index) => ({ product_id: line.id, amount: 1, ...(index === 0 ? { discount } : {}) })),
    dueCents: priced.total_cents,
  };
}
