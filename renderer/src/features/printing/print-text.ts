import type { PrinterDto, PrinterKind, PrintJobDto, PrintJobStatus } from '../../../../shared/schemas/printing';

export const PRINTER_KIND_LABELS: Record<PrinterKind, string> = {
  browser: 'Browser (print dialog)',
  network: 'Network (ESC/POS over TCP)',
  system: 'This computer’s printer',
};

/** The kind in a list's cell, where the long label would wrap. */
export const PRINTER_KIND_SHORT: Record<PrinterKind, string> = { browser: 'Browser', network: 'Network', system: 'This computer' };

export const PRINT_JOB_STATUS_LABELS: Record<PrintJobStatus, string> = { queued: 'Queued', printed: 'Printed', failed: 'Failed' };

export const PRINT_JOB_STATUS_COLORS: Record<PrintJobStatus, string> = { queued: 'orange', printed: 'teal', failed: 'red' };

/** The paper a width in columns stands for. */
export const paperOf = (width: number) => (width === 32 ? '58 mm' : width === 48 ? '80 mm' : `${width} columns`);

/** What a job prints, for a person: the sale or refund it is the receipt of, or a test page. */
export function printJobSubject(job: Pick<PrintJobDto, 'ref_type' | 'ref_id'>): string {
  if (job.ref_type === 'test') return 'Test page';
  const id = job.ref_id === null ? '?' : String(job.ref_id);
  return job.ref_type === 'order' ? `Sale receipt (order #${id})` : `Refund receipt (refund #${id})`;
}

/** A job's printer by name; a deleted one (no longer listed) by its id. */
export function printerNameOf(printers: readonly PrinterDto[] | undefined, id: number): string {
  return printers?.find((p) => p.id === id)?.name ?? `Printer #${id} (deleted)`;
}

/** A queued job is still being tried: the list keeps refreshing while one is. */
export const anyQueued = (jobs: readonly Pick<PrintJobDto, 'status'>[] | undefined) => jobs?.some((j) => j.status === 'queued') ?? false;
