import { Alert, List, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { StockReceiptDto } from '../../../../shared/schemas/stock';
import { formatMoney } from '../../lib/money';

/** The receipt just written, with the names the lines had on screen. */
export function ReceiptDone({
  receipt,
  nameOf,
  onClose,
}: {
  receipt: StockReceiptDto;
  nameOf: (id: number) => string;
  onClose: () => void;
}) {
  return (
    <Alert
      color="teal"
      icon={<IconCircleCheck />}
      title={`Goods received #${receipt.id}${receipt.supplier ? ` from ${receipt.supplier}` : ''}`}
      withCloseButton
      onClose={onClose}
      data-testid="receipt-done"
    >
      <List size="sm" spacing={2}>
        {receipt.items.map((item) => (
          <List.Item key={item.product_id}>
            {item.amount} × {nameOf(item.product_id)}
            {item.unit_cost_cents === null ? '' : ` at ${formatMoney(item.unit_cost_cents)}`}
          </List.Item>
        ))}
      </List>
      {receipt.note ? (
        <Text size="sm" mt="xs">
          {receipt.note}
        </Text>
      ) : null}
    </Alert>
  );
}
