import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { printers, registers } from '../../../db/schema';
import { can } from '../../../shared/permissions';
import type { CashReportDto } from '../../../shared/schemas/cash';
import type { PrintJobDto } from '../../../shared/schemas/printing';
import type { ReceiptDocument } from '../../../shared/schemas/receipts';
import type { Actor } from '../actor';
import { DomainError, invalidField } from '../errors';
import type { Log } from '../notify/notifier';
import { requirePermission } from '../permissions';
import type { ReceiptRef } from '../receipts/receipts-service';
import { renderReceiptHtml } from '../receipts/render-html';
import { cashReportLayout } from '../receipts/report-layout';
import { receiptWidthOf, renderLinesEscPos, renderReceiptEscPos, renderTestPageEscPos, testPageLines } from './escpos';
import { printJobNotFound, type PrintQueue } from './print-queue';
import { findPrinter, type PrinterRow } from './printers-service';
import { receiptPageHtml } from './system-printer';

export interface ReceiptPrintingDeps {
  queue: PrintQueue;
  /** The stored sale's or refund's receipt, without an actor (the read check is `registerOf`'s). */
  documentOf(ref: ReceiptRef): ReceiptDocument;
  /** Whoever may read the sale or refund (404 out of reach; a sale not completed is 409): the register it was made on. */
  registerOf(actor: Actor, ref: ReceiptRef): number | null;
  /** The session's X or Z report, for whoever may work the session (404 out of reach). */
  reportOf(actor: Actor, sessionId: number): CashReportDto;
  shopName(): string;
  currency(): string;
  /** `YYYY-MM-DD HH:mm` on the shop's clock. */
  localTime(now: number): string;
  log: Log;
}

/** A completed sale, as the orders service answers it (what auto-print needs of it). */
export interface CompletedSale {
  id: number;
  status: string;
  register_id: number | null;
}

const paidInCash = (doc: ReceiptDocument) => doc.tenders.some((tender) => tender.method === 'cash' && tender.amount_cents !== 0);

function payloadOf(printer: PrinterRow, doc: ReceiptDocument, openDrawer: boolean): Uint8Array {
  const width = receiptWidthOf(printer.width);
  // An OS printer prints the receipt's own HTML page, as the screen shows it.
  if (printer.kind === 'system') return Buffer.from(renderReceiptHtml(doc, width), 'utf8');
  return renderReceiptEscPos(doc, { width, cut: printer.cut, openDrawer });
}

function refuseBrowser(printer: PrinterRow): void {
  if (printer.kind === 'browser') {
    throw new DomainError(
      'invalid_state',
      `"${printer.name}" is the browser's print dialog: print the receipt from the screen that shows it.`,
    );
  }
}

/**
 * Printing receipts and test pages: choose the printer, render the bytes now, queue them.
 * The sale is durable before any of this runs; nothing here can undo or fail it.
 */
export function createReceiptPrinting(db: Db, deps: ReceiptPrintingDeps) {
  // Asked after every completed sale (auto-print): built and prepared once.
  const registerPrinter = db
    .select({ printer: printers })
    .from(registers)
    .innerJoin(printers, and(eq(printers.id, registers.printerId), isNull(printers.deletedAt)))
    .where(eq(registers.id, sql.placeholder('registerId')))
    .prepare();

  function printerOfRegister(registerId: number): PrinterRow | undefined {
    return registerPrinter.get({ registerId })?.printer;
  }

  /** The printer asked for (400 `fields.printer_id` when there is none such), else the register's. */
  function chosenPrinter(printerId: number | undefined, registerId: number | null): PrinterRow {
    let printer: PrinterRow | undefined;
    if (printerId !== undefined) {
      try {
        printer = findPrinter(db, printerId);
      } catch {
        throw invalidField('printer_id', 'No printer has this id.');
      }
    } else if (registerId !== null) {
      printer = printerOfRegister(registerId);
    }
    if (!printer) {
      throw new DomainError(
        'invalid_state',
        'No printer is set for this register: choose a printer (printer_id) or give the register one.',
      );
    }
    refuseBrowser(printer);
    return printer;
  }

  function queueReceipt(printer: PrinterRow, ref: ReceiptRef, createdBy: number | null, now: number): number {
    const doc = deps.documentOf(ref);
    // The drawer opens with the sale's first receipt only: a reprint must not open the till.
    const openDrawer = printer.openDrawerOnCash && paidInCash(doc) && !deps.queue.hasJobFor(ref.type, ref.id);
    return deps.queue.enqueue({ printer, refType: ref.type, refId: ref.id, payload: payloadOf(printer, doc, openDrawer), createdBy }, now);
  }

  return {
    /** Prints (or reprints) a receipt on the printer asked for, or the register's: the new job's id. */
    printReceipt(actor: Actor, ref: ReceiptRef, printerId?: number, now = Date.now()): number {
      const printer = chosenPrinter(printerId, deps.registerOf(actor, ref));
      return queueReceipt(printer, ref, actor.user.id, now);
    },

    /** The print jobs of a receipt the actor may read (the till follows its sale's), newest first. */
    jobsOfReceipt(actor: Actor, ref: ReceiptRef): PrintJobDto[] {
      deps.registerOf(actor, ref);
      return deps.queue.jobsFor(ref.type, ref.id);
    },

    /**
     * Sends a queued or failed job again now. Managers retry any job; whoever may read a sale or
     * refund retries its receipt's (the till's "Retry" when the printer was off). Others: 403.
     */
    retryJob(actor: Actor, jobId: number, now = Date.now()): number {
      if (can(actor.role, 'print_jobs.read')) return deps.queue.retry(actor, jobId, now);
      const job = deps.queue.refOf(jobId);
      if (!job) throw printJobNotFound();
      if ((job.refType !== 'order' && job.refType !== 'refund') || job.refId === null)
        throw new DomainError('forbidden', 'Only managers retry print jobs other than receipts.');
      deps.registerOf(actor, { type: job.refType, id: job.refId });
      return deps.queue.retryReceiptJob(jobId, now);
    },

    /** Prints a session's X report (open) or Z report (closed), as the screen shows it: the new job's id. */
    printReport(actor: Actor, sessionId: number, printerId?: number, now = Date.now()): number {
      const report = deps.reportOf(actor, sessionId);
      const printer = chosenPrinter(printerId, report.session.register_id);
      const width = receiptWidthOf(printer.width);
      const registerName =
        db.select({ name: registers.name }).from(registers).where(eq(registers.id, report.session.register_id)).get()?.name ?? null;
      const context = {
        shopName: deps.shopName(),
        currency: deps.currency(),
        registerName,
        localTime: (iso: string) => deps.localTime(Date.parse(iso)),
      };
      const title = `${report.session.status === 'closed' ? 'Z' : 'X'} report, session ${sessionId}`;
      const payload =
        printer.kind === 'system'
          ? Buffer.from(
              receiptPageHtml(
                title,
                cashReportLayout(report, context, width).map((line) => line.text),
                width,
              ),
              'utf8',
            )
          : renderLinesEscPos(cashReportLayout(report, context, width, { currencySign: false }), { width, cut: printer.cut });
      return deps.queue.enqueue({ printer, refType: 'cash_session', refId: sessionId, payload, createdBy: actor.user.id }, now);
    },

    printTestPage(actor: Actor, printerId: number, now = Date.now()): number {
      requirePermission(actor, 'printers.manage');
      const printer = findPrinter(db, printerId);
      refuseBrowser(printer);
      const page = { printerName: printer.name, shopName: deps.shopName(), localTime: deps.localTime(now) };
      const width = receiptWidthOf(printer.width);
      const payload =
        printer.kind === 'system'
          ? Buffer.from(receiptPageHtml('ShopDesk test page', testPageLines(page, width), width), 'utf8')
          : renderTestPageEscPos(page, { width, cut: printer.cut });
      return deps.queue.enqueue({ printer, refType: 'test', refId: null, payload, createdBy: actor.user.id }, now);
    },

    /**
     * After a sale's transaction has committed: queue its receipt on the register's printer
     * when that printer prints by itself. Once per sale (a replayed request prints nothing
     * more), and never throws: a printer problem is the print queue's, not the sale's.
     */
    afterSale(sale: CompletedSale, soldBy: number | null, now = Date.now()): void {
      try {
        if (sale.status !== 'completed' || sale.register_id === null) return;
        const printer = printerOfRegister(sale.register_id);
        if (!printer?.autoPrint || printer.kind === 'browser') return;
        if (deps.queue.hasJobFor('order', sale.id)) return;
        queueReceipt(printer, { type: 'order', id: sale.id }, soldBy, now);
      } catch (error) {
        deps.log(`the receipt of sale ${sale.id} was not queued for printing: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}

export type ReceiptPrinting = ReturnType<typeof createReceiptPrinting>;
