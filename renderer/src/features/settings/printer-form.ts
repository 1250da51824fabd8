import type { CreatePrinterInput, PrinterDto, PrinterKind } from '../../../../shared/schemas/printing';

/** The printer dialog's fields: each kind keeps its own address, so switching kinds loses nothing typed. */
export interface PrinterFormValues {
  name: string;
  kind: PrinterKind;
  /** A network printer's `host` or `host:port`. */
  network_address: string;
  /** A system printer's name as the computer knows it. */
  system_name: string;
  width: '48' | '32';
  auto_print: boolean;
  open_drawer_on_cash: boolean;
  cut: boolean;
}

export const WIDTH_OPTIONS = [
  { value: '48', label: '80 mm (48 columns)' },
  { value: '32', label: '58 mm (32 columns)' },
] as const;

export function printerFormValues(printer: PrinterDto | null): PrinterFormValues {
  const kind = printer?.kind ?? 'network';
  return {
    name: printer?.name ?? '',
    kind,
    network_address: kind === 'network' ? (printer?.address ?? '') : '',
    system_name: kind === 'system' ? (printer?.address ?? '') : '',
    width: printer?.width === 32 ? '32' : '48',
    auto_print: printer?.auto_print ?? false,
    open_drawer_on_cash: printer?.open_drawer_on_cash ?? false,
    cut: printer?.cut ?? true,
  };
}

/** What is sent: the address of the chosen kind only (a browser printer has none). */
export function printerInput(values: PrinterFormValues): CreatePrinterInput {
  const address = values.kind === 'network' ? values.network_address.trim() : values.kind === 'system' ? values.system_name.trim() : null;
  return {
    name: values.name.trim(),
    kind: values.kind,
    address,
    width: values.width === '32' ? 32 : 48,
    auto_print: values.auto_print,
    open_drawer_on_cash: values.open_drawer_on_cash,
    cut: values.cut,
  };
}

/** The server's `address` belongs under the input of the kind chosen. */
export function addressFieldOf(kind: PrinterKind): keyof PrinterFormValues {
  return kind === 'system' ? 'system_name' : 'network_address';
}

export const printerFormRules = {
  name: (value: string) => (value.trim() === '' ? 'Enter a name.' : null),
  network_address: (value: string, values: PrinterFormValues) =>
    values.kind === 'network' && value.trim() === '' ? 'Enter the printer’s address, e.g. 192.168.1.50 or 192.168.1.50:9100.' : null,
  system_name: (value: string, values: PrinterFormValues) =>
    values.kind === 'system' && value.trim() === '' ? 'Choose one of this computer’s printers.' : null,
};
