import { createServer, type Socket } from 'node:net';

/**
 * A network receipt printer on loopback: a TCP server on a free port that keeps every
 * connection's bytes (one connection per job, as a real printer on port 9100 sees them).
 */
export async function startFakePrinter(port = 0) {
  const jobs: Buffer[] = [];
  const sockets = new Set<Socket>();
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      sockets.delete(socket);
      jobs.push(Buffer.concat(chunks));
      for (const waiter of waiters.filter((w) => jobs.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the fake printer has no port');
  return {
    port: address.port,
    address: `127.0.0.1:${address.port}`,
    /** Every job received so far, oldest first. */
    jobs,
    /** Resolves once `count` jobs have arrived; rejects after `timeoutMs`. */
    waitForJobs(count: number, timeoutMs = 10_000): Promise<Buffer[]> {
      if (jobs.length >= count) return Promise.resolve(jobs);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the fake printer got ${jobs.length} of ${count} jobs`)), timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(jobs);
          },
        });
      });
    },
    stop(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakePrinter = Awaited<ReturnType<typeof startFakePrinter>>;

/** A port nothing listens on (taken from the system, then let go). */
export async function closedPort(): Promise<number> {
  const printer = await startFakePrinter();
  await printer.stop();
  return printer.port;
}

/** What an ESC/POS stream does, step by step: commands by name, and the text lines printed. */
export interface DecodedEscPos {
  commands: string[];
  lines: string[];
  barcodes: string[];
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;

/** ESC commands and how many argument bytes follow them. */
const ESC_COMMANDS: Record<number, { name: string; args: number }> = {
  0x40: { name: 'init', args: 0 },
  0x45: { name: 'bold', args: 1 },
  0x4d: { name: 'font', args: 1 },
  0x74: { name: 'codepage', args: 1 },
  0x61: { name: 'align', args: 1 },
  0x70: { name: 'pulse', args: 3 },
  0x64: { name: 'feed', args: 1 },
  0x4a: { name: 'feed_dots', args: 1 },
  0x2d: { name: 'underline', args: 1 },
  0x21: { name: 'mode', args: 1 },
  0x47: { name: 'double_strike', args: 1 },
  0x32: { name: 'line_spacing_default', args: 0 },
  0x33: { name: 'line_spacing', args: 1 },
  0x7b: { name: 'upside_down', args: 1 },
  0x56: { name: 'rotate', args: 1 },
  0x52: { name: 'charset', args: 1 },
  0x34: { name: 'italic', args: 1 },
};

const GS_COMMANDS: Record<number, { name: string; args: number }> = {
  0x68: { name: 'barcode_height', args: 1 },
  0x77: { name: 'barcode_width', args: 1 },
  0x48: { name: 'barcode_text', args: 1 },
  0x66: { name: 'barcode_font', args: 1 },
  0x21: { name: 'size', args: 1 },
  0x42: { name: 'invert', args: 1 },
  0x4c: { name: 'left_margin', args: 2 },
  0x57: { name: 'print_width', args: 2 },
};

const FS_COMMANDS: Record<number, { name: string; args: number }> = {
  0x2e: { name: 'kanji_off', args: 0 },
  0x26: { name: 'kanji_on', args: 0 },
  0x43: { name: 'kanji_mode', args: 1 },
};

/**
 * A tiny ESC/POS decoder for the tests: walks the bytes command by command (an unknown one
 * throws, so a test never passes over bytes it did not understand) and collects the text lines.
 */
export function decodeEscPos(bytes: Uint8Array): DecodedEscPos {
  const commands: string[] = [];
  const lines: string[] = [];
  const barcodes: string[] = [];
  let line = '';
  let i = 0;
  const at = (offset: number): number => {
    const value = bytes[i + offset];
    if (value === undefined) throw new Error(`ESC/POS stream ends inside a command at byte ${i}`);
    return value;
  };
  while (i < bytes.length) {
    const byte = at(0);
    if (byte === ESC || byte === FS) {
      const known = (byte === ESC ? ESC_COMMANDS : FS_COMMANDS)[at(1)];
      if (!known) throw new Error(`unknown ${byte === ESC ? 'ESC' : 'FS'} command 0x${at(1).toString(16)} at byte ${i}`);
      commands.push(known.name);
      i += 2 + known.args;
    } else if (byte === GS) {
      const code = at(1);
      if (code === 0x56) {
        // GS V m, with a feed byte n when m is 65 or 66.
        const mode = at(2);
        commands.push('cut');
        i += mode >= 65 ? 4 : 3;
      } else if (code === 0x6b) {
        const symbology = at(2);
        let data: string;
        if (symbology <= 6) {
          let end = i + 3;
          while (end < bytes.length && bytes[end] !== 0) end++;
          data = Buffer.from(bytes.subarray(i + 3, end)).toString('latin1');
          i = end + 1;
        } else {
          const length = at(3);
          data = Buffer.from(bytes.subarray(i + 4, i + 4 + length)).toString('latin1');
          i += 4 + length;
        }
        commands.push('barcode');
        // Code 128's code-set prefix ({A, {B, {C) is not part of the value.
        barcodes.push(data.replace(/^\{[ABC]/, ''));
      } else if (code === 0x28) {
        commands.push(`function_${String.fromCharCode(at(2))}`);
        i += 5 + at(3) + at(4) * 256;
      } else {
        const known = GS_COMMANDS[code];
        if (!known) throw new Error(`unknown GS command 0x${code.toString(16)} at byte ${i}`);
        commands.push(known.name);
        i += 2 + known.args;
      }
    } else if (byte === 0x0a) {
      lines.push(line);
      line = '';
      i += 1;
    } else if (byte === 0x0d) {
      i += 1;
    } else if (byte < 0x20) {
      throw new Error(`unexpected control byte 0x${byte.toString(16)} at byte ${i}`);
    } else {
      line += String.fromCharCode(byte);
      i += 1;
    }
  }
  if (line !== '') lines.push(line);
  return { commands, lines, barcodes };
}
