/**
 * `npm run recover -- unlock <username>` / `npm run recover -- reset-password <username>`:
 * the way back in for whoever sits at the machine that holds the data folder, e.g. the only
 * Super Admin locked out with no mail or SMS channel for a reset PIN. Reads the folder from
 * `--data-dir` or SHOPDESK_DATA_DIR (the server's configuration); works while the server runs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/client';
import { createPasswordHasher } from '../core/auth/password-hasher';
import { readEnvConfig } from '../core/config';
import { DATABASE_FILE } from '../core/create-services';
import { DomainError } from '../core/errors';
import { createRecoveryService } from '../core/recovery/recovery-service';
import { createRolesService } from '../core/roles/roles-service';

const USAGE = `Usage:
  npm run recover -- unlock <username> [--data-dir <folder>]
  npm run recover -- reset-password <username> [--data-dir <folder>]

unlock          clears the lockout after too many wrong passwords; the password stays as it was.
reset-password  unlocks and prints a one-time password that must be changed at the next sign-in;
                every open sign-in of the account ends.
The data folder is --data-dir, else SHOPDESK_DATA_DIR, else ./data.`;

class UsageError extends Error {}

function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function parseCommand(argv: string[]) {
  const { values, positionals } = parseOptions(argv);
  if (values.help) return null;
  const [command, username, ...rest] = positionals;
  if (command !== 'unlock' && command !== 'reset-password')
    throw new UsageError(command ? `Unknown command "${command}".` : 'Name a command.');
  if (!username || rest.length > 0) throw new UsageError('Name exactly one username.');
  // The flag wins; the environment is read (and checked) only when it is needed.
  const dataDir = values['data-dir'] ?? readEnvConfig().dataDir;
  return { command, username, dataDir };
}

async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv);
  if (!parsed) {
    console.log(USAGE);
    return 0;
  }
  const file = join(parsed.dataDir, DATABASE_FILE);
  if (!existsSync(file)) {
    console.error(`No ShopDesk database in ${parsed.dataDir} (looked for ${DATABASE_FILE}). Pass --data-dir or set SHOPDESK_DATA_DIR.`);
    return 1;
  }
  const database = openDatabase(file);
  const hasher = createPasswordHasher();
  try {
    const recovery = createRecoveryService({ db: database.db, hasher, policyOf: createRolesService(database.db).policyOf });
    if (parsed.command === 'unlock') {
      const { user, inactive } = recovery.unlock(parsed.username);
      console.log(`"${user.username}" is unlocked: sign in with the usual password.`);
      if (inactive) console.log('Note: this account is deactivated, so its sign-in still answers "inactive".');
    } else {
      const { user, inactive, password } = await recovery.resetPassword(parsed.username);
      console.log(`The password of "${user.username}" is now:\n\n    ${password}\n`);
      console.log('It works once: the sign-in with it asks for a new password at once. Every open sign-in of the account has ended.');
      if (inactive) console.log('Note: this account is deactivated, so its sign-in still answers "inactive".');
    }
    console.log('The audit log records this as done from the command line.');
    return 0;
  } finally {
    await hasher.close();
    database.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    // A DomainError is an expected refusal (no such account); anything else is shown as is.
    console.error(error instanceof DomainError ? error.message : error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
