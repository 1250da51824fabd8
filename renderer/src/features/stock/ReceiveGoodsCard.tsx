import { Button, Card, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { StockReceiptDto } from '../../../../shared/schemas/stock';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { notifyFailure, notifyWarning } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { ProductSearch } from '../pos/ProductSearch';
import { ReceiptDone } from './ReceiptDone';
import { addScanned, isValidCost, isWholeAmount, receiptInputOf, type ReceivingLine } from './receiving-lines';
import { ReceivingLines } from './ReceivingLines';

/** Scan or search the delivered goods, count them, and receive them in one go. */
export function ReceiveGoodsCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const searchRef = useRef<HTMLInputElement | null>(null);
  const [search, setSearch] = useState('');
  const [lines, setLines] = useState<ReceivingLine[]>([]);
  const [supplier, setSupplier] = useState('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<{ receipt: StockReceiptDto; names: Map<number, string> } | null>(null);

  const receive = useMutation(
    trpc.stock.receive.mutationOptions({
      onSuccess: async (receipt) => {
        setDone({ receipt, names: new Map(lines.map((line) => [line.product.id, line.product.name])) });
        setLines([]);
        setSupplier('');
        setNote('');
        setConfirming(false);
        await Promise.all(
          [trpc.stock.pathKey(), trpc.catalog.pathKey(), trpc.audit.pathKey()].map((queryKey) =>
            queryClient.invalidateQueries({ queryKey }),
          ),
        );
        searchRef.current?.focus();
      },
      onError: (error) => {
        setConfirming(false);
        notifyFailure(error, 'The goods were not received');
      },
    }),
  );

  const ready = lines.length > 0 && lines.every((line) => isWholeAmount(line.amount) && isValidCost(line.unitCost));
  const units = lines.reduce((sum, line) => sum + (Number(line.amount) || 0), 0);

  return (
    <Card data-testid="receive-goods">
      <Stack gap="md">
        <Title order={2} fz={17}>
          Receive goods
        </Title>
        <ProductSearch
          value={search}
          onValueChange={setSearch}
          inputRef={searchRef}
          onPick={(product) => {
            setDone(null);
            setLines((current) => addScanned(current, product));
          }}
          onNothingFound={(query) => notifyWarning(`No product matches “${query}”.`, 'Not in the catalog')}
        />
        <ReceivingLines
          lines={lines}
          onChange={(productId, change) =>
            setLines((current) => current.map((line) => (line.product.id === productId ? { ...line, ...change } : line)))
          }
          onRemove={(productId) => setLines((current) => current.filter((line) => line.product.id !== productId))}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="Supplier"
            placeholder="optional"
            maxLength={200}
            value={supplier}
            onChange={(e) => setSupplier(e.currentTarget.value)}
            data-testid="receiving-supplier"
          />
          <TextInput
            label="Note"
            placeholder="e.g. delivery note 24/117"
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-testid="receiving-note"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button disabled={!ready} onClick={() => setConfirming(true)} data-testid="receiving-submit">
            Receive goods
          </Button>
        </Group>
        {done ? (
          <ReceiptDone receipt={done.receipt} nameOf={(id) => done.names.get(id) ?? `Product #${id}`} onClose={() => setDone(null)} />
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title="Receive these goods?"
        confirmLabel="Receive goods"
        loading={receive.isPending}
        onConfirm={() => receive.mutate(receiptInputOf(lines, supplier, note))}
        onCancel={() => setConfirming(false)}
      >
        {units} {units === 1 ? 'unit' : 'units'} of {lines.length} {lines.length === 1 ? 'product' : 'products'} go into stock
        {supplier.trim() ? ` from ${supplier.trim()}` : ''}. This is recorded in each product’s stock history.
      </ConfirmDialog>
    </Card>
  );
}
