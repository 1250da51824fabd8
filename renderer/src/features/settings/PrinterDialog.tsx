import { Alert, Button, Group, Modal, Radio, SegmentedControl, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PRINTER_KINDS, type PrinterDto } from '../../../../shared/schemas/printing';
import { FormError } from '../../components/FormError';
import { apiErrorOf, formErrorOf, stripChanges } from '../../lib/api-error';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { PRINTER_KIND_LABELS } from '../printing/print-text';
import { addressFieldOf, printerFormRules, printerFormValues, printerInput, WIDTH_OPTIONS, type PrinterFormValues } from './printer-form';

const KIND_HINTS = {
  browser: 'Receipts open in the print dialog of the screen that made the sale; nothing is queued.',
  network: 'A receipt printer on the shop’s network that takes raw ESC/POS, usually on port 9100.',
  system: 'A printer this computer has set up, printed on silently. Only the desktop app can reach it.',
} as const;

/** A system printer's name: chosen from the desktop's list, or, in a browser, a hint that it needs the desktop app. */
function SystemPrinterField({ form }: { form: UseFormReturnType<PrinterFormValues> }) {
  const trpc = useTRPC();
  const systemPrinters = useQuery({ ...trpc.printing.systemPrinters.queryOptions(), staleTime: 0 });
  const current = form.getValues().system_name;
  if (systemPrinters.data?.available === false) {
    return (
      <Stack gap="xs">
        <TextInput
          label="Printer on this computer"
          value={current}
          disabled
          placeholder="Chosen in the desktop app"
          readOnly
          error={form.errors.system_name}
        />
        <Alert color="gray" variant="light" icon={<IconInfoCircle />} data-testid="printer-system-hint">
          This computer’s printers are listed in the ShopDesk desktop app only. Open the app on the shop computer to choose one.
        </Alert>
      </Stack>
    );
  }
  const names = (systemPrinters.data?.printers ?? []).map((p) => ({
    value: p.name,
    label: p.is_default ? `${p.name} (default)` : p.name,
  }));
  if (current !== '' && !names.some((n) => n.value === current)) names.push({ value: current, label: `${current} (not found now)` });
  return (
    <Select
      label="Printer on this computer"
      placeholder={systemPrinters.isPending ? 'Looking for printers…' : 'Choose a printer'}
      data={names}
      searchable
      nothingFoundMessage="No printer is set up on this computer"
      required
      {...form.getInputProps('system_name')}
      data-testid="printer-system-name"
    />
  );
}

interface PrinterDialogProps {
  /** The printer to edit; null adds one. */
  printer: PrinterDto | null;
  opened: boolean;
  onClose: () => void;
  refresh: () => Promise<unknown>;
}

function PrinterForm({ printer, onClose, refresh }: Omit<PrinterDialogProps, 'opened'>) {
  const trpc = useTRPC();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PrinterFormValues>({ initialValues: printerFormValues(printer), validate: printerFormRules });
  const callbacks = {
    onSuccess: async (saved: PrinterDto) => {
      notifySuccess(
        printer ? `${saved.name} is saved.` : `${saved.name} is added. Print a test page to check it.`,
        printer ? 'Printer saved' : 'Printer added',
      );
      onClose();
      await refresh();
    },
    onError: (err: unknown) => {
      const kind = form.getValues().kind;
      setFormError(formErrorOf(form, err, (key) => (stripChanges(key) === 'address' ? addressFieldOf(kind) : stripChanges(key))));
      if (!apiErrorOf(err)) notifyFailure(err, 'Could not save the printer');
    },
  };
  const create = useMutation(trpc.printing.create.mutationOptions(callbacks));
  const update = useMutation(trpc.printing.update.mutationOptions(callbacks));
  const saving = create.isPending || update.isPending;
  const kind = form.getValues().kind;

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const input = printerInput(values);
    if (printer) update.mutate({ id: printer.id, changes: input });
    else create.mutate(input);
  });

  return (
    <form onSubmit={submit} noValidate aria-label={printer ? `Edit ${printer.name}` : 'Add a printer'} data-testid="printer-form">
      <Stack gap="md">
        <FormError message={formError} />
        <TextInput
          label="Name"
          required
          maxLength={100}
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('name')}
          data-testid="printer-name"
        />
        <Radio.Group label="Kind" required {...form.getInputProps('kind')} data-testid="printer-kind">
          <Stack gap={6} mt={4}>
            {PRINTER_KINDS.map((value) => (
              <Radio
                key={value}
                value={value}
                label={PRINTER_KIND_LABELS[value]}
                description={KIND_HINTS[value]}
                data-testid={`printer-kind-${value}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        {kind === 'network' ? (
          <TextInput
            label="Address"
            description="host or host:port (port 9100 when left out)"
            placeholder="192.168.1.50:9100"
            required
            autoComplete="off"
            {...form.getInputProps('network_address')}
            data-testid="printer-address"
          />
        ) : null}
        {kind === 'system' ? <SystemPrinterField form={form} /> : null}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="printer-width-label">
            Paper width
          </Text>
          <SegmentedControl
            aria-labelledby="printer-width-label"
            data={WIDTH_OPTIONS.map((o) => ({ value: o.value, label: o.label }))}
            {...form.getInputProps('width')}
            data-testid="printer-width"
          />
        </Stack>
        <Switch
          label="Print the receipt after each sale (else on request)"
          {...form.getInputProps('auto_print', { type: 'checkbox' })}
          data-testid="printer-auto-print"
        />
        <Switch
          label="Open the cash drawer on cash sales"
          {...form.getInputProps('open_drawer_on_cash', { type: 'checkbox' })}
          data-testid="printer-open-drawer"
        />
        <Switch label="Cut the paper after each receipt" {...form.getInputProps('cut', { type: 'checkbox' })} data-testid="printer-cut" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving} data-testid="printer-save">
            {printer ? 'Save' : 'Add printer'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Adds a printer or edits one: its kind and address, the paper, and what it does after a sale. */
export function PrinterDialog({ printer, opened, onClose, refresh }: PrinterDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={printer ? `Edit ${printer.name}` : 'Add a printer'}
      size="md"
      centered
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {opened ? <PrinterForm printer={printer} onClose={onClose} refresh={refresh} /> : null}
    </Modal>
  );
}
