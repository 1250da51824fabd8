import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ProductDto, UpdateProductInput } from '../../../../shared/schemas/catalog';
import { FormError } from '../../components/FormError';
import { apiErrorOf, formErrorOf } from '../../lib/api-error';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { CURRENCY_DECIMALS, CURRENCY_SYMBOL, centsFromInput, decimalFromCents, formatMoney } from '../../lib/money';
import { TaxRateSelect, taxRateIdOf, taxRateValueOf } from './TaxRateSelect';
import { useRefreshCatalog } from './use-refresh-catalog';

const titleStyles = { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } };

interface Values {
  sku: string;
  barcode: string;
  name: string;
  price: string | number;
  stock: string | number;
  /** `none` or a rate's id, as the select holds it. */
  tax_rate_id: string;
  reorder_level: string | number;
}

/** The server names `price_cents` (under `changes.` for an update); the form says `price`. */
const renameField = (key: string) => {
  const bare = key.replace(/^changes\./, '');
  return bare === 'price_cents' ? 'price' : bare;
};

const skuPattern = /^[\w.\-/]+$/u;
const barcodePattern = /^[0-9A-Za-z\-.]+$/;

function ProductForm({ product, onClose }: { product: ProductDto | null; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshCatalog();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      sku: product?.sku ?? '',
      barcode: product?.barcode ?? '',
      name: product?.name ?? '',
      price: product ? decimalFromCents(product.price_cents) : '',
      stock: 0,
      tax_rate_id: taxRateValueOf(product?.tax_rate_id ?? null),
      reorder_level: product?.reorder_level ?? 0,
    },
    validate: {
      sku: (v) => (v.trim() === '' ? 'Enter a SKU.' : skuPattern.test(v.trim()) ? null : 'Letters, digits and . - _ / only.'),
      barcode: (v) => (v.trim() === '' || barcodePattern.test(v.trim()) ? null : 'Letters, digits, - and . only.'),
      name: (v) => (v.trim() === '' ? 'Enter a name.' : null),
      price: (v) => (centsFromInput(v) === null ? 'Enter a price, e.g. 2.50.' : null),
      stock: (v) => (product || (Number.isInteger(Number(v)) && Number(v) >= 0) ? null : 'A whole number of 0 or more.'),
      reorder_level: (v) => (Number.isInteger(Number(v)) && Number(v) >= 0 ? null : 'A whole number of 0 or more.'),
    },
  });

  const onError = (err: unknown) => {
    setFormError(formErrorOf(form, err, renameField));
    if (!apiErrorOf(err)) notifyFailure(err, 'Could not save the product');
  };
  const done = async (saved: ProductDto, message: string) => {
    notifySuccess(`${saved.name} (${saved.sku}) ${message}`, product ? 'Product updated' : 'Product created');
    onClose();
    await refresh();
  };
  const create = useMutation(
    trpc.catalog.create.mutationOptions({ onSuccess: (saved) => done(saved, `sells at ${formatMoney(saved.price_cents)}.`), onError }),
  );
  const update = useMutation(trpc.catalog.update.mutationOptions({ onSuccess: (saved) => done(saved, 'is saved.'), onError }));

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const price = centsFromInput(values.price) ?? 0;
    const barcode = values.barcode.trim() === '' ? null : values.barcode.trim();
    const taxRateId = taxRateIdOf(values.tax_rate_id);
    const reorderLevel = Number(values.reorder_level) || 0;
    if (!product) {
      create.mutate({
        sku: values.sku.trim(),
        barcode,
        name: values.name.trim(),
        price_cents: price,
        stock: Number(values.stock) || 0,
        tax_rate_id: taxRateId,
        reorder_level: reorderLevel,
      });
      return;
    }
    const changes: UpdateProductInput = {};
    if (values.sku.trim() !== product.sku) changes.sku = values.sku.trim();
    if (barcode !== product.barcode) changes.barcode = barcode;
    if (values.name.trim() !== product.name) changes.name = values.name.trim();
    if (price !== product.price_cents) changes.price_cents = price;
    if (taxRateId !== product.tax_rate_id) changes.tax_rate_id = taxRateId;
    if (reorderLevel !== product.reorder_level) changes.reorder_level = reorderLevel;
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    update.mutate({ id: product.id, changes });
  });

  return (
    <form onSubmit={submit} noValidate aria-label={product ? `Edit ${product.name}` : 'Add a product'}>
      <Stack gap="md">
        <FormError message={formError} />
        <TextInput label="Name" required autoComplete="off" data-autofocus {...form.getInputProps('name')} data-testid="product-name" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="SKU"
            description="Your own article number; unique."
            required
            autoComplete="off"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.getInputProps('sku')}
            data-testid="product-sku"
          />
          <TextInput
            label="Barcode"
            description="EAN/UPC as the scanner reads it; optional."
            autoComplete="off"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.getInputProps('barcode')}
            data-testid="product-barcode"
          />
          <NumberInput
            label="Price"
            required
            leftSection={<Text size="sm">{CURRENCY_SYMBOL}</Text>}
            decimalScale={CURRENCY_DECIMALS}
            fixedDecimalScale
            allowNegative={false}
            decimalSeparator="."
            hideControls
            min={0}
            {...form.getInputProps('price')}
            data-testid="product-price"
          />
          {product ? (
            <TextInput
              label="Stock"
              value={String(product.stock)}
              readOnly
              variant="filled"
              description="Change it with “Adjust stock”, which asks for a reason."
              inputWrapperOrder={['label', 'input', 'description']}
            />
          ) : (
            <NumberInput
              label="Stock on hand"
              allowDecimal={false}
              allowNegative={false}
              min={0}
              {...form.getInputProps('stock')}
              data-testid="product-stock"
            />
          )}
          <TaxRateSelect
            currentRateId={product?.tax_rate_id ?? null}
            value={form.values.tax_rate_id}
            onChange={(value) => form.setFieldValue('tax_rate_id', value)}
            error={form.errors.tax_rate_id}
          />
          <NumberInput
            label="Reorder level"
            description="At or below this stock it shows under “Reorder” on the dashboard; 0: never."
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            allowDecimal={false}
            allowNegative={false}
            min={0}
            {...form.getInputProps('reorder_level')}
            data-testid="product-reorder-level"
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending} data-testid="product-dialog-submit">
            {product ? 'Save changes' : 'Add product'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Add a product (`product` null) or edit one; the form stays on screen while the dialog fades out. */
export function ProductDialog({ opened, product, onClose }: { opened: boolean; product: ProductDto | null; onClose: () => void }) {
  const last = useRef(product);
  if (opened) last.current = product;
  const shown = opened ? product : last.current;
  return (
    <Modal opened={opened} onClose={onClose} title={shown ? `Edit ${shown.name}` : 'Add a product'} size="lg" centered styles={titleStyles}>
      <div data-testid="product-dialog">
        <ProductForm key={shown?.id ?? 'new'} product={shown} onClose={onClose} />
      </div>
    </Modal>
  );
}
