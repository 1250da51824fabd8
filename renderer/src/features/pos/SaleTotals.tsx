import { Badge, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Discount, PricedOrder, TaxEntry } from '../../../../shared/pricing';
import { formatMoney } from '../../lib/money';
import { formatRateBp } from '../settings/tax-rate-percent';
import { discountBadge } from './discount';
import classes from './Pos.module.css';

/** "incl. VAT 20 %" when prices hold the tax, "+ VAT 20 %" when it comes on top. */
export const taxLabel = (name: string, rateBp: number, pricesIncludeTax: boolean) =>
  `${pricesIncludeTax ? 'incl.' : '+'} ${name} ${formatRateBp(rateBp)}`;

function Row({ label, cents, testId, rateBp }: { label: ReactNode; cents: number; testId: string; rateBp?: number }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" data-testid={testId} data-cents={cents} data-rate-bp={rateBp}>
      <Text size="sm" c="dimmed" fw={500} component="div">
        {label}
      </Text>
      <Text size="sm" fw={500} className={classes.money}>
        {formatMoney(cents)}
      </Text>
    </Group>
  );
}

interface SaleTotalsProps {
  subtotalCents: number;
  /** Σ of the discounts, the lines' own and the sale's. */
  discountCents: number;
  /** What the sale's own discount came to, when known apart from the lines' (the screen knows it; an order does not). */
  saleDiscountCents: number | null;
  saleDiscount: Discount | null;
  taxes: readonly TaxEntry[];
  pricesIncludeTax: boolean;
}

/** The sale screen's breakdown, from the shared pricing. */
export const totalsOfPriced = (priced: PricedOrder) => ({
  subtotalCents: priced.subtotal_cents,
  discountCents: priced.discount_cents,
  saleDiscountCents: priced.order_discount_cents,
  taxes: priced.taxes,
});

function SaleDiscountLabel({ title, discount }: { title: string; discount: Discount | null }) {
  return (
    <Group gap={6}>
      {title}
      {discount ? (
        <Badge size="sm" variant="light" color="teal" data-testid="sale-discount-badge">
          {discountBadge(discount)}
        </Badge>
      ) : null}
    </Group>
  );
}

/**
 * Subtotal, discounts, the tax of each rate: how a sale's total comes about, shown above it.
 * Every figure is given (the shared pricing's, or the server's order's): nothing is computed here
 * but the lines' part of a discount split the caller knows.
 */
export function SaleTotals({ subtotalCents, discountCents, saleDiscountCents, saleDiscount, taxes, pricesIncludeTax }: SaleTotalsProps) {
  const lineDiscounts = saleDiscountCents === null ? null : discountCents - saleDiscountCents;
  return (
    <Stack gap={2} data-testid="sale-breakdown">
      <Row label="Subtotal" cents={subtotalCents} testId="sale-subtotal" />
      {lineDiscounts === null ? (
        discountCents > 0 ? (
          <Row label={<SaleDiscountLabel title="Discounts" discount={saleDiscount} />} cents={-discountCents} testId="sale-discounts" />
        ) : null
      ) : (
        <>
          {lineDiscounts > 0 ? <Row label="Line discounts" cents={-lineDiscounts} testId="sale-line-discounts" /> : null}
          {saleDiscount || (saleDiscountCents ?? 0) > 0 ? (
            <Row
              label={<SaleDiscountLabel title="Sale discount" discount={saleDiscount} />}
              cents={-(saleDiscountCents ?? 0)}
              testId="sale-discount"
            />
          ) : null}
        </>
      )}
      {taxes.map((tax) => (
        <Row
          key={tax.tax_rate_id}
          label={taxLabel(tax.name, tax.rate_bp, pricesIncludeTax)}
          cents={tax.tax_cents}
          testId="sale-tax"
          rateBp={tax.rate_bp}
        />
      ))}
    </Stack>
  );
}
