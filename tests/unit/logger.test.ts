// The shop's log (electron/core/logger.ts) never keeps a credential, whatever object an error
// record carries: headers, bodies, token pairs, or the bound values a failed drizzle query quotes.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, warningsAndErrorsOf } from '../../electron/core/logger';

let dir: string | undefined;
function logFile(): string {
  dir = mkdtempSync(join(tmpdir(), 'shopdesk-logger-'));
  return join(dir, 'nested', 'shopdesk.log');
}
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('createLogger', () => {
  it('writes JSON lines to a file it creates 0600 (and its folder)', () => {
    const file = logFile();
    createLogger({ file }).warn('a notice');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ level: 40, msg: 'a notice' });
  });

  it('redacts authorization and cookie headers, passwords and tokens', () => {
    const file = logFile();
    createLogger({ file }).error(
      {
        req: { headers: { authorization: 'Bearer eyJ.secret.access', cookie: 'sd_access=eyJ.cookie', 'x-csrf-token': 'csrf-secret' } },
        body: {
          username: 'anna',
          password: 'Hunter-22-secret',
          old_password: 'Old-22-secret',
          new_password: 'New-22-secret',
          pin: '918273',
        },
        pair: { access: 'eyJ.pair.access', refresh: 'eyJ.pair.refresh' },
        change_token: 'eyJ.change',
      },
      'unexpected error',
    );
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('anna');
    expect(text).toContain('[redacted]');
    expect(text).not.toMatch(/eyJ|secret|918273/);
  });

  it('drops the bound values a failed query quotes, keeping the statement and the cause', () => {
    const file = logFile();
    const failed = new DrizzleQueryError(
      'update "users" set "password_hash" = ? where "id" = ?',
      ['$2b$12$abcdefghijklmnopqrstuv', 7],
      new Error('disk I/O error'),
    );
    createLogger({ file }).error({ err: failed }, 'unexpected error');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('update \\"users\\" set');
    expect(text).toContain('params: [redacted]');
    expect(text).toContain('disk I/O error');
    expect(text).not.toContain('$2b$12$');
  });

  it('gives a transport warnings and errors only, and never louder than the shop log', () => {
    const file = logFile();
    const shop = createLogger({ file, level: 'info' });
    const rest = warningsAndErrorsOf(shop);
    rest.info('incoming request');
    rest.error('unexpected error');
    expect(rest.level).toBe('warn');
    expect(warningsAndErrorsOf(createLogger({ file, level: 'error' })).level).toBe('error');
    expect(warningsAndErrorsOf(createLogger({ file, level: 'silent' })).level).toBe('silent');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['unexpected error']);
  });
});
