import pino, { type LevelWithSilent, type Logger } from 'pino';

/** The shop's log: unexpected errors of every transport and the core's operational notices. */
export type AppLogger = Logger;

/** The desktop app's log, in its data folder. */
export const LOG_FILE = 'shopdesk.log';

export interface LoggerOptions {
  /** Append JSON lines to this file (created 0600); stdout when absent (headless). */
  file?: string;
  level?: LevelWithSilent;
}

/**
 * Credentials never reach the log, wherever they appear in a logged object: headers, bodies,
 * token pairs. (Requests are not logged one by one; this guards what an error record carries.)
 */
const SECRET_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...['password', 'old_password', 'new_password', 'pin', 'access', 'refresh', 'change_token', 'changeToken', 'token'].flatMap((key) => [
    key,
    `*.${key}`,
  ]),
];

/** A failed drizzle query quotes its bound values ("params: …"): a hash, a digest, a phone number. */
const QUERY_VALUES = /\nparams: [\s\S]*?(?=\n\s+at |$)/g;

function errorWithoutQueryValues(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error);
  delete serialized.params;
  serialized.message = serialized.message.replace(QUERY_VALUES, '\nparams: [redacted]');
  serialized.stack = serialized.stack.replace(QUERY_VALUES, '\nparams: [redacted]');
  return serialized;
}

/** The one logger of a running core; the entry that starts the core creates it and owns it. */
export function createLogger({ file, level = 'info' }: LoggerOptions = {}): AppLogger {
  // Synchronous writes: the line of a crash is on disk before the process dies.
  const destination =
    file === undefined ? pino.destination({ dest: 1, sync: true }) : pino.destination({ dest: file, sync: true, mkdir: true, mode: 0o600 });
  return pino(
    {
      level,
      redact: { paths: SECRET_PATHS, censor: '[redacted]' },
      serializers: { err: errorWithoutQueryValues },
    },
    destination,
  );
}

const WARN = pino.levels.values.warn ?? 40;

/**
 * For a transport (the REST port's Fastify): its warnings and errors only, never a line per
 * request or its start-up chatter; a quieter shop log stays as quiet.
 */
export function warningsAndErrorsOf(logger: AppLogger): AppLogger {
  return logger.child({}, { level: logger.levelVal >= WARN ? logger.level : 'warn' });
}
