/**
 * Headless mode (`npm run serve`): the core in plain Node, configured by the environment.
 * Prints one line when ready, and closes the database cleanly on SIGINT or SIGTERM.
 */
import { readEnvConfig } from '../core/config';
import { createCore } from './create-core';

async function main(): Promise<void> {
  const config = readEnvConfig();
  const core = await createCore({
    dataDir: config.dataDir,
    host: config.host,
    port: config.port,
    env: config,
    logger: { level: 'warn' },
  });
  console.log(`listening on ${core.url}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    core.close().then(
      () => {
        console.log(`stopped on ${signal}; database closed`);
        process.exit(0);
      },
      (error: unknown) => {
        console.error('error while stopping', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
