import { Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProductDto } from '../../../../shared/schemas/catalog';
import { FormError } from '../../components/FormError';
import { apiErrorOf, formErrorOf } from '../../lib/api-error';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useLingering } from '../../lib/use-lingering';
import { useTRPC } from '../../trpc/client';
import { useRefreshCatalog } from './use-refresh-catalog';

const titleStyles = { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } };

function StockForm({ product, onClose }: { product: ProductDto; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshCatalog();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ delta: string | number; reason: string }>({
    initialValues: { delta: '', reason: '' },
    validate: {
      delta: (v) => {
        const n = Number(v);
        if (v === '' || !Number.isInteger(n) || n === 0) return 'Enter how many come in (e.g. 12) or go out (e.g. -3).';
        return product.stock + n < 0 ? `Only ${product.stock} in stock; the stock cannot go below zero.` : null;
      },
      reason: (v) => (v.trim().length < 3 ? 'Say why, in a few words.' : null),
    },
  });
  const adjust = useMutation(
    trpc.catalog.adjustStock.mutationOptions({
      onSuccess: async (saved) => {
        notifySuccess(`${saved.name}: ${saved.stock} in stock now.`, 'Stock adjusted');
        onClose();
        await refresh();
      },
      onError: (err) => {
        setFormError(formErrorOf(form, err));
        if (!apiErrorOf(err)) notifyFailure(err, 'Could not adjust the stock');
      },
    }),
  );
  const delta = Number(form.values.delta);
  const preview = form.values.delta !== '' && Number.isInteger(delta) ? product.stock + delta : null;

  return (
    <form
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        adjust.mutate({ id: product.id, delta: Number(values.delta), reason: values.reason.trim() });
      })}
      noValidate
      aria-label={`Adjust the stock of ${product.name}`}
    >
      <Stack gap="md">
        <FormError message={formError} />
        <Text size="sm">
          <b>{product.name}</b> ({product.sku}) has <b>{product.stock}</b> in stock
          {preview !== null && preview !== product.stock ? (
            <>
              {' '}
              → <b data-testid="stock-preview">{preview}</b> after this change
            </>
          ) : null}
          .
        </Text>
        <NumberInput
          label="Change"
          description="Positive for goods received, negative for breakage, loss or a count correction."
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          allowDecimal={false}
          required
          data-autofocus
          {...form.getInputProps('delta')}
          data-testid="stock-delta"
        />
        <TextInput
          label="Reason"
          placeholder="e.g. Delivery 24/117, broken in storage"
          required
          autoComplete="off"
          {...form.getInputProps('reason')}
          data-testid="stock-reason"
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={adjust.isPending} data-testid="stock-submit">
            Adjust stock
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A stock correction with its reason (the audit log keeps both). */
export function StockDialog({ product, onClose }: { product: ProductDto | null; onClose: () => void }) {
  const shown = useLingering(product);
  return (
    <Modal opened={product !== null} onClose={onClose} title="Adjust stock" size="md" centered styles={titleStyles}>
      <div data-testid="stock-dialog">{shown ? <StockForm key={shown.id} product={shown} onClose={onClose} /> : null}</div>
    </Modal>
  );
}
