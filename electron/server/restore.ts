/**
 * `npm run restore -- <backup file> [--data-dir <folder>]`: brings a backup back, on the machine
 * that holds the data folder and with ShopDesk stopped (never over the network). The current
 * database is backed up first (reason `restore`); a damaged file is refused and nothing replaced.
 */
import { parseArgs } from 'node:util';
import { restoreBackup, RestoreRefused } from '../core/backups/restore';
import { readEnvConfig } from '../core/config';

const USAGE = `Usage:
  npm run restore -- <backup file> [--data-dir <folder>]

Stop ShopDesk first. The backup is checked (integrity_check) before anything is replaced; the
current database is kept in the backups folder (reason "restore"); the backup's key file
(same name, .key) comes back with it, so sign-ins and PINs stay valid. Start ShopDesk again
afterwards. The data folder is --data-dir, else SHOPDESK_DATA_DIR, else ./data.`;

class UsageError extends Error {}

function parseCommand(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) return null;
  const [file, ...rest] = parsed.positionals;
  if (!file || rest.length > 0) throw new UsageError('Name exactly one backup file.');
  return { file, dataDir: parsed.values['data-dir'] ?? readEnvConfig().dataDir };
}

function run(argv: string[]): number {
  const command = parseCommand(argv);
  if (!command) {
    console.log(USAGE);
    return 0;
  }
  const result = restoreBackup({ dataDir: command.dataDir, backupFile: command.file });
  console.log(`Restored ${command.file} into ${command.dataDir}.`);
  console.log(
    result.safetyBackup
      ? `The database as it was is kept as ${result.safetyBackup}.`
      : 'The folder had no database before, so there was nothing to keep.',
  );
  if (!result.keyRestored) console.log('The backup had no key file beside it: sign in again on every device.');
  console.log('Start ShopDesk again to use it.');
  return 0;
}

try {
  process.exit(run(process.argv.slice(2)));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(
    error instanceof RestoreRefused ? error.message : `Restore failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
