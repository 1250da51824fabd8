import { ActionIcon, Button, EmptyState, Group, Kbd, NumberInput, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconShoppingCart, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, type Dispatch } from 'react';
import { formatMoney } from '../../lib/money';
import { MAX_AMOUNT, type CartLine, type LineProblem, type Sale, type SaleAction } from './cart';
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

/**
 * The cart: one line per product, the selected one (highlighted) is what + − and Delete change.
 * Quantities can also be typed; Enter in a quantity goes back to the search box.
 */
export function CartTable({ sale, dispatch, onDone }: { sale: Sale; dispatch: Dispatch<SaleAction>; onDone: () => void }) {
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
    <Table.ScrollContainer minWidth={620}>
      <Table verticalSpacing="xs" horizontalSpacing="md" data-testid="cart-table" aria-label="Cart">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Product</Table.Th>
            <Table.Th scope="col" w={110} ta="right">
              Price
            </Table.Th>
            <Table.Th scope="col" w={130}>
              Quantity
            </Table.Th>
            <Table.Th scope="col" w={120} ta="right">
              Total
            </Table.Th>
            <Table.Th scope="col" w={48}>
              <VisuallyHidden>Remove</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sale.lines.map((line) => {
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
                    <Text size="xs" c="dimmed" ff="monospace">
                      {product.sku}
                    </Text>
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
                    w={110}
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
                <Table.Td ta="right" fw={600} className={classes.money} data-testid={`cart-line-total-${product.sku}`}>
                  {formatMoney(product.price_cents * line.qty)}
                </Table.Td>
                <Table.Td>
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
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
