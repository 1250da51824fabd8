import { z } from 'zod';
import { isoTimestamp } from './common';
import { RECEIPT_WIDTHS } from './receipts';

/**
 * Receipt printers and the print queue (API-SELLING.md, "Receipts and printers"). A `network`
 * printer takes raw ESC/POS on `host:port`; a `system` printer is one of the desktop's OS
 * printers, by name; `browser` is the browser's print dialog (nothing is queued for it).
 */
export const PRINTER_KINDS = ['network', 'system', 'browser'] as const;
export type PrinterKind = (typeof PRINTER_KINDS)[number];

export const PRINT_JOB_STATUSES = ['queued', 'printed', 'failed'] as const;
export type PrintJobStatus = (typeof PRINT_JOB_STATUSES)[number];

export const PRINT_JOB_REFS = ['order', 'refund', 'cash_session', 'test'] as const;

/** The port a network receipt printer listens on for raw ESC/POS. */
export const DEFAULT_PRINTER_PORT = 9100;

const printerName = z
  .string()
  .trim()
  .min(1, 'This field may not be blank.')
  .max(100)
  .refine((text) => !/\p{Cc}/u.test(text), 'No control characters or line breaks.');

/** Checked against the kind by the core: `host[:port]` for a network printer, the OS name for a system one. */
const printerAddress = z
  .string()
  .trim()
  .max(200)
  .refine((text) => !/\p{Cc}/u.test(text), 'No control characters or line breaks.')
  .nullable();

const printerWidth = z.literal(RECEIPT_WIDTHS, 'A receipt is 32 (58 mm paper) or 48 (80 mm paper) columns wide.');

export const printerSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: z.enum(PRINTER_KINDS),
    address: z.string().nullable(),
    width: z.number().int(),
    auto_print: z.boolean(),
    open_drawer_on_cash: z.boolean(),
    cut: z.boolean(),
    created_at: isoTimestamp,
    updated_at: isoTimestamp,
  })
  .meta({ id: 'Printer' });
export type PrinterDto = z.infer<typeof printerSchema>;

export const createPrinterInput = z.strictObject({
  name: printerName,
  kind: z.enum(PRINTER_KINDS),
  address: printerAddress.optional(),
  width: printerWidth.default(48),
  auto_print: z.boolean().default(false),
  open_drawer_on_cash: z.boolean().default(false),
  cut: z.boolean().default(true),
});
export type CreatePrinterInput = z.infer<typeof createPrinterInput>;

export const updatePrinterInput = z.strictObject({
  name: printerName.optional(),
  kind: z.enum(PRINTER_KINDS).optional(),
  address: printerAddress.optional(),
  width: printerWidth.optional(),
  auto_print: z.boolean().optional(),
  open_drawer_on_cash: z.boolean().optional(),
  cut: z.boolean().optional(),
});
export type UpdatePrinterInput = z.infer<typeof updatePrinterInput>;

export const printJobSchema = z
  .object({
    id: z.number().int(),
    printer_id: z.number().int(),
    status: z.enum(PRINT_JOB_STATUSES),
    attempts: z.number().int(),
    last_error: z.string().nullable(),
    created_at: isoTimestamp,
    ref_type: z.enum(PRINT_JOB_REFS).meta({ description: 'What is printed (an addition to the contract).' }),
    ref_id: z.number().int().nullable().meta({ description: 'The order or refund; null on a test page (an addition).' }),
    next_attempt_at: isoTimestamp.nullable().meta({ description: 'When a queued job is tried next (an addition).' }),
    printed_at: isoTimestamp.nullable().meta({ description: 'An addition to the contract.' }),
  })
  .meta({ id: 'PrintJob' });
export type PrintJobDto = z.infer<typeof printJobSchema>;

export const printReceiptInput = z
  .strictObject({ printer_id: z.number().int().positive().optional() })
  .meta({ description: 'Without `printer_id`, the printer of the register the sale (or refund) was made on.' });
export type PrintReceiptInput = z.infer<typeof printReceiptInput>;

export const printJobQueued = z.object({ job_id: z.number().int() }).meta({ id: 'PrintJobQueued' });

export const listPrintJobsQuery = z.strictObject({
  status: z.enum(PRINT_JOB_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListPrintJobsQuery = z.infer<typeof listPrintJobsQuery>;
