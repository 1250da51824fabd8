import { connect } from 'node:net';
import type { PrinterEndpoint } from './printer-address';

/**
 * Sends one job to a raw ESC/POS printer (port 9100): one connection, the bytes, then end.
 * Settles within `timeoutMs` whatever the printer does; the error says what a shop owner can
 * act on (switched off, wrong address, not answering).
 */
export function sendToNetworkPrinter(endpoint: PrinterEndpoint, bytes: Uint8Array, timeoutMs: number): Promise<void> {
  const where = `${endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host}:${endpoint.port}`;
  return new Promise((resolve, reject) => {
    const socket = connect({ host: endpoint.host, port: endpoint.port });
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        socket.destroy();
        reject(error);
      } else resolve();
    };
    const timer = setTimeout(() => settle(new Error(`The printer at ${where} did not answer within ${timeoutMs / 1000} s.`)), timeoutMs);
    // Once the bytes are handed over, the half-closed socket waits for the printer to close its
    // side (a hard close could drop what it has not read yet); one that never does is let go.
    const linger = setTimeout(() => socket.destroy(), timeoutMs * 2);
    linger.unref();
    socket.once('close', () => clearTimeout(linger));
    socket.on('error', (error: NodeJS.ErrnoException) => settle(new Error(describeSocketError(where, error))));
    socket.once('connect', () => {
      socket.end(bytes, () => settle());
    });
  });
}

function describeSocketError(where: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return `The printer at ${where} refused the connection: is it switched on, and is the address right?`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `The printer at ${where} cannot be reached on the network.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `No printer named ${where} was found on the network.`;
    default:
      return `Printing to ${where} failed: ${error.message}`;
  }
}
