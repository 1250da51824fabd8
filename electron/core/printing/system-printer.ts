import type { Actor } from '../actor';
import { requirePermission } from '../permissions';
/**
 * Prints a page silently on one of the desktop's OS printers. Electron's main process supplies
 * it (a hidden window's `webContents.print({silent: true, deviceName})`); the core knows
 * nothing about Electron, and in plain Node (the headless server) there is none.
 */
export type SystemPrint = (printerName: string, html: string) => Promise<void>;

export const systemPrintUnavailable: SystemPrint = () =>
  Promise.reject(new Error('System printers print from the desktop app only; this server cannot reach them.'));

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Text lines (a test page's) on a page the OS printer takes. */
export function receiptPageHtml(title: string, lines: readonly string[], width: number): string {
  const body = lines.map((line) => escapeHtml(line)).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>@page{margin:0}body{margin:0}pre{font:12px/1.3 monospace;width:${width}ch;margin:0 auto;white-space:pre-wrap}</style></head><body><pre>${body}</pre></body></html>`;
}

/** One of the desktop's OS printers, as Electron lists them. */
export interface SystemPrinterInfo {
  name: string;
  is_default: boolean;
}

/** The desktop's printers; in plain Node there is no list (see `systemPrintersUnavailable`). */
export type ListSystemPrinters = () => Promise<SystemPrinterInfo[]>;

export interface SystemPrintersDto {
  /** False on the headless server: the settings screen then says the kind needs the desktop app. */
  available: boolean;
  printers: SystemPrinterInfo[];
}

/** What a manager picks a system printer's name from in the settings screen. */
export function createSystemPrinters(listPrinters: ListSystemPrinters | undefined) {
  return {
    async list(actor: Actor): Promise<SystemPrintersDto> {
      requirePermission(actor, 'printers.manage');
      if (!listPrinters) return { available: false, printers: [] };
      return { available: true, printers: await listPrinters() };
    },
  };
}
