import { DEFAULT_PRINTER_PORT } from '../../../shared/schemas/printing';

export interface PrinterEndpoint {
  host: string;
  port: number;
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const IPV6 = /^[0-9a-f:.]+$/i;

/**
 * A network printer's `host[:port]` (an IPv6 address in brackets), port 9100 when left out;
 * null when it is not one.
 */
export function parsePrinterAddress(address: string): PrinterEndpoint | null {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(address.trim());
  if (!match) return null;
  const [, bracketed, plain, portText] = match;
  const host = bracketed ?? plain ?? '';
  if (bracketed !== undefined ? !IPV6.test(host) || !host.includes(':') : !HOST_NAME.test(host)) return null;
  const port = portText === undefined ? DEFAULT_PRINTER_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { host, port };
}
