import { Alert, Badge, Button, Card, Grid, Group, Kbd, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowBack, IconCash, IconEdit, IconTrashX } from '@tabler/icons-react';
import { useState } from 'react';
import type { OrderDto } from '../../../../shared/schemas/orders';
import type { UserDto } from '../../../../shared/schemas/users';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatMoney } from '../../lib/money';
import { useShopSettings } from '../../lib/shop-settings';
import { formatWhen, itemCountOf, STATUS_LABELS } from '../orders/order-text';
import { parkedBy } from './ParkedSalesDialog';
import { discountBadge } from './discount';
import classes from './Pos.module.css';
import { SaleTotals } from './SaleTotals';

interface ParkedSaleViewProps {
  order: OrderDto;
  user: UserDto;
  /** Editing empties the parked order into the cart, so the cart must be free. */
  cartInUse: boolean;
  busy: boolean;
  onPay: () => void;
  onEdit: () => void;
  onCancel: () => void;
  onBack: () => void;
}

/** A parked sale taken back: its lines and total, Pay (F2), Edit, Cancel, Back (Esc). */
export function ParkedSaleView({ order, user, cartInUse, busy, onPay, onEdit, onCancel, onBack }: ParkedSaleViewProps) {
  const [confirmCancel, setConfirmCancel] = useState(false);
  const shop = useShopSettings();
  const open = order.status === 'open';
  return (
    <div data-testid="parked-view" data-order-id={order.id} data-status={order.status}>
      <Group justify="space-between" align="flex-end" mb="md">
        <Stack gap={2}>
          <Title order={1} fz={26}>
            Parked sale #{order.id}
          </Title>
          <Text size="sm" c="dimmed">
            Parked by {parkedBy(order, user)} · {formatWhen(order.created_at)}
          </Text>
        </Stack>
        <Button variant="default" leftSection={<IconArrowBack size={16} />} rightSection={<Kbd size="xs">Esc</Kbd>} onClick={onBack}>
          Back to the sale
        </Button>
      </Group>
      {!open ? (
        <Alert color="orange" variant="light" mb="md" role="alert" data-testid="parked-gone">
          This sale is {STATUS_LABELS[order.status].toLowerCase()} now (at another till, or by someone else): there is nothing left to do
          here.
        </Alert>
      ) : null}
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card p={0}>
            <Table verticalSpacing="xs" horizontalSpacing="md" data-testid="parked-lines" aria-label="Lines of the parked sale">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Product</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Quantity
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Price
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Discount
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Total
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {order.items.map((item) => (
                  <Table.Tr key={item.order_item_id} data-testid="parked-line">
                    <Table.Td fw={600}>
                      <Group gap={6} wrap="nowrap">
                        {item.name}
                        {item.discount ? (
                          <Badge size="sm" variant="light" color="teal">
                            {discountBadge(item.discount)}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">{item.amount}</Table.Td>
                    <Table.Td ta="right" className={classes.money}>
                      {formatMoney(item.unit_price_cents)}
                    </Table.Td>
                    <Table.Td
                      ta="right"
                      c="teal.8"
                      className={classes.money}
                      data-testid="parked-line-discount"
                      data-cents={item.discount_cents}
                    >
                      {item.discount_cents > 0 ? `−${formatMoney(item.discount_cents)}` : ''}
                    </Table.Td>
                    <Table.Td
                      ta="right"
                      fw={600}
                      className={classes.money}
                      data-testid="parked-line-total"
                      data-cents={item.net_line_cents}
                    >
                      {formatMoney(item.net_line_cents)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card>
            <Stack gap="md">
              <SaleTotals
                subtotalCents={order.subtotal_cents}
                discountCents={order.discount_cents}
                saleDiscountCents={null}
                saleDiscount={order.discount}
                taxes={order.taxes}
                pricesIncludeTax={shop?.prices_include_tax ?? true}
              />
              <Stack gap={0}>
                <Text size="sm" c="dimmed" fw={500}>
                  Total · {itemCountOf(order) === 1 ? '1 item' : `${itemCountOf(order)} items`}
                </Text>
                <Text className={classes.grandTotal} data-testid="parked-total" data-cents={order.total_cents}>
                  {formatMoney(order.total_cents)}
                </Text>
              </Stack>
              <Button
                size="xl"
                fullWidth
                leftSection={<IconCash size={24} />}
                rightSection={<Kbd>F2</Kbd>}
                justify="space-between"
                disabled={!open || busy}
                onClick={onPay}
                data-testid="parked-pay"
              >
                Pay
              </Button>
              <Tooltip label="Park or clear the sale on screen first" disabled={!cartInUse} withArrow>
                <Button
                  variant="default"
                  leftSection={<IconEdit size={16} />}
                  disabled={!open || busy || cartInUse}
                  onClick={onEdit}
                  data-testid="parked-edit"
                >
                  Edit (back into the cart)
                </Button>
              </Tooltip>
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrashX size={16} />}
                disabled={!open || busy}
                onClick={() => setConfirmCancel(true)}
                data-testid="parked-cancel"
              >
                Cancel this sale
              </Button>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
      <ConfirmDialog
        opened={confirmCancel}
        title={`Cancel parked sale #${order.id}?`}
        confirmLabel="Cancel the sale"
        danger
        loading={busy}
        onCancel={() => setConfirmCancel(false)}
        onConfirm={() => {
          setConfirmCancel(false);
          onCancel();
        }}
      >
        Nothing was paid. The sale is cancelled and its stock goes back on the shelf.
      </ConfirmDialog>
    </div>
  );
}
