import { ActionIcon, Badge, Button, EmptyState, Group, Kbd, NumberInput, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconDiscount, IconShoppingCart, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, type Dispatch } from 'react';
import type { PricedLine, PricedOrder } from '../../../../shared/pricing';
import { formatMoney } from '../../lib/money';
import { MAX_AMOUNT, type CartLine, type LineProblem, type Sale, type SaleAction } from './cart';
import { discountBadge } from './discount';
import classes from './Pos.module.css';

function ProblemNote({ line, problem, dispatch }: { line: CartLine; problem: LineProblem; dispatch: Dispatch<SaleAction> }) {
  const id = line.product.id;
  if (problem.error === 'product_not_found') {
    return (
      <Group gap="xs" mt={4} data-testid={`cart-problem-${line.product.sku}`}>
        <Text size="xs" c="red" fw={600}>
          No longer sold.
        </Text>
        <Button size="compact-xs" color="red" variant="light" onClick={() => dispatch({ type: 'remove', productId: id })}>
          Remove
        </Button>
      </Group>
    );
  }
  const available = problem.available ?? 0;
  return (
    <Group gap="xs" mt={4} data-testid={`cart-problem-${line.product.sku}`} data-available={available}>
      <Text size="xs" c="red" fw={600}>
        {available === 0 ? `None in stock (${problem.requested} asked).` : `Only ${available} available (${problem.requested} asked).`}
      </Text>
      {available > 0 ? (
        <Button size="compact-xs" color="red" variant="light" onClick={() => dispatch({ type: 'set_qty', productId: id, qty: available })}>
          Sell {available}
        </Button>
      ) : (
        <Button size="compact-xs" color="red" variant="light" onClick={() => dispatch({ type: 'remove', productId: id })}>
          Remove
        </Button>
      )}
    </Group>
  );
}

/** The line's total after its discounts (its own and its share of the sale's), with the gross struck through. */
function LineTotal({ sku, priced }: { sku: string; priced: PricedLine | undefined }) {
  if (!priced) {
    return (
      <Text size="sm" c="dimmed" data-testid={`cart-line-total-${sku}`}>
        …
      </Text>
    );
  }
  const discounted = priced.discount_cents > 0;
  return (
    <Stack gap={0} align="flex-end">
      {discounted ? (
        <Text size="xs" c="dimmed" td="line-through" className={classes.money} data-testid={`cart-line-gross-${sku}`}>
          {formatMoney(priced.gross_cents)}
        </Text>
      ) : null}
      <Text size="sm" fw={600} className={classes.money} data-testid={`cart-line-total-${sku}`} data-cents={priced.net_line_cents}>
        {formatMoney(priced.net_line_cents)}
      </Text>
      {discounted ? (
        <Text
          size="xs"
          c="teal.8"
          fw={600}
          className={classes.money}
          data-testid={`cart-line-discount-${sku}`}
          data-cents={priced.discount_cents}
          title={
            priced.order_discount_share_cents > 0
              ? `Its own ${formatMoney(priced.line_discount_cents)} and ${formatMoney(priced.order_discount_share_cents)} of the sale's discount`
              : undefined
          }
        >
          −{formatMoney(priced.discount_cents)}
        </Text>
      ) : null}
    </Stack>
  );
}

interface CartTableProps {
  sale: Sale;
  /** The sale priced as the server will (null while the tax rates are read). */
  priced: PricedOrder | null;
  dispatch: Dispatch<SaleAction>;
  onDone: () => void;
  /** Opens the discount of a line (also `%` on the selected line). */
  onDiscountLine: (productId: number) => void;
}

/**
 * The cart: one line per product, the selected one (highlighted) is what + − Delete and %
 * change. Quantities can also be typed; Enter in a quantity goes back to the search box.
 */
export function CartTable({ sale, priced, dispatch, onDone, onDiscountLine }: CartTableProps) {
  const selectedRow = useRef<HTMLTableRowElement | null>(null);
  // Chromium's scrollIntoView returns a promise now: never let it become the effect's clean-up.
  useEffect(() => {
    selectedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [sale.selected, sale.lines.length]);

  if (sale.lines.length === 0) {
    return (
      <EmptyState
        icon={<IconShoppingCart size={28} />}
        withIndicatorBackground
        title="The cart is empty"
        description={
          <>
            Scan a barcode anywhere on this screen, or search above (<Kbd size="xs">/</Kbd> jumps there).
          </>
        }
        py={48}
        data-testid="cart-empty"
      />
    );
  }
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing="xs" horizontalSpacing="sm" data-testid="cart-table" aria-label="Cart">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Product</Table.Th>
            <Table.Th scope="col" w={96} ta="right">
              Price
            </Table.Th>
            <Table.Th scope="col" w={116}>
              Quantity
            </Table.Th>
            <Table.Th scope="col" w={112} ta="right">
              Total
            </Table.Th>
            <Table.Th scope="col" w={76}>
              <VisuallyHidden>Discount and remove</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sale.lines.map((line, index) => {
            const { product } = line;
            const selected = product.id === sale.selected;
            const problem = sale.problems[product.id];
            const short = !problem && line.qty > product.stock;
            return (
              <Table.Tr
                key={product.id}
                ref={selected ? selectedRow : undefined}
                className={classes.cartRow}
                data-selected={selected}
                data-problem={problem !== undefined}
                aria-selected={selected}
                onClick={() => dispatch({ type: 'select', productId: product.id })}
                data-testid={`cart-line-${product.sku}`}
              >
                <Table.Td>
                  <Stack gap={0} miw={0}>
                    <Text size="sm" fw={600} truncate>
                      {product.name}
                    </Text>
                    <Group gap={6} wrap="nowrap">
                      <Text size="xs" c="dimmed" ff="monospace">
                        {product.sku}
                      </Text>
                      {line.discount ? (
                        <Badge
                          size="sm"
                          variant="light"
                          color="teal"
                          style={{ flexShrink: 0 }}
                          data-testid={`cart-line-badge-${product.sku}`}
                        >
                          {discountBadge(line.discount)}
                        </Badge>
                      ) : null}
                    </Group>
                    {problem ? <ProblemNote line={line} problem={problem} dispatch={dispatch} /> : null}
                    {short ? (
                      <Text size="xs" c="orange.8" fw={500} mt={2}>
                        {product.stock === 0 ? 'Out of stock by the last count.' : `Only ${product.stock} in stock by the last count.`}
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td ta="right" className={classes.money}>
                  {formatMoney(product.price_cents)}
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="sm"
                    w={96}
                    value={line.qty}
                    min={1}
                    max={MAX_AMOUNT}
                    allowDecimal={false}
                    allowNegative={false}
                    clampBehavior="strict"
                    aria-label={`Quantity of ${product.name}`}
                    onFocus={() => dispatch({ type: 'select', productId: product.id })}
                    onChange={(value) => {
                      const qty = typeof value === 'number' ? value : Number(value);
                      if (Number.isInteger(qty) && qty >= 1) dispatch({ type: 'set_qty', productId: product.id, qty });
                    }}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') {
                        event.preventDefault();
                        onDone();
                      }
                    }}
                    error={problem !== undefined}
                    data-testid={`cart-qty-${product.sku}`}
                  />
                </Table.Td>
                <Table.Td ta="right">
                  <LineTotal sku={product.sku} priced={priced?.lines[index]} />
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label="Discount (%)" withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        onClick={(event) => {
                          event.stopPropagation();
                          onDiscountLine(product.id);
                        }}
                        aria-label={`Discount on ${product.name}`}
                        data-testid={`cart-discount-${product.sku}`}
                      >
                        <IconDiscount size={18} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Remove (Delete)" withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        onClick={(event) => {
                          event.stopPropagation();
                          dispatch({ type: 'remove', productId: product.id });
                        }}
                        aria-label={`Remove ${product.name}`}
                        data-testid={`cart-remove-${product.sku}`}
                      >
                        <IconTrash size={18} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
