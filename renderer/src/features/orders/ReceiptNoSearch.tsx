import { Loader, TextInput } from '@mantine/core';
import { IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import type { OrderDto } from '../../../../shared/schemas/orders';
import { errorMessageOf } from '../../lib/api-error';
import { useTRPCClient } from '../../trpc/client';
import { receiptNoOf } from './receipt-no';

interface ReceiptNoSearchProps {
  /** Whether the reader finds every sale (staff), or only their own (what "not found" means). */
  findsEverySale: boolean;
  onFound: (order: OrderDto) => void;
}

/**
 * "Receipt no.": the number printed on a receipt, typed or read by a scanner (digits, then
 * Enter), opens that sale — a colleague's too, for staff (a customer brings it to whoever is at
 * the till).
 */
export function ReceiptNoSearch({ findsEverySale, onFound }: ReceiptNoSearchProps) {
  const client = useTRPCClient();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);

  const find = async () => {
    const receiptNo = receiptNoOf(text);
    if (receiptNo === null) {
      setProblem('A receipt number is digits only.');
      return;
    }
    setLooking(true);
    try {
      const page = await client.orders.list.query({ receipt_no: receiptNo, limit: 1 });
      const [order] = page.items;
      if (order) {
        setProblem(null);
        setText('');
        onFound(order);
      } else {
        setProblem(findsEverySale ? `No sale has receipt no. ${receiptNo}.` : `None of your sales has receipt no. ${receiptNo}.`);
      }
    } catch (error) {
      setProblem(errorMessageOf(error));
    } finally {
      setLooking(false);
    }
  };

  return (
    <TextInput
      label="Receipt no."
      placeholder="Type or scan, then Enter"
      inputMode="numeric"
      autoComplete="off"
      leftSection={<IconReceipt size={16} />}
      rightSection={looking ? <Loader size={14} /> : null}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        setProblem(null);
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        if (!looking) void find();
      }}
      error={problem}
      w={210}
      data-testid="orders-receipt-no"
    />
  );
}
