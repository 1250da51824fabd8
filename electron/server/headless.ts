/**
 * The headless server (`npm run serve`): the core in plain Node, configured by the environment,
 * serving the REST port and the built UI. `--demo` fills an empty database with a demo shop.
 * Prints one line when ready, and closes the database cleanly on SIGINT or SIGTERM.
 */
import { readEnvConfig } from '../core/config';
import { seedDemoShop } from '../core/demo/seed-demo';
import { createLogger } from '../core/logger';
import { createCore } from './create-core';

/** Where the files the core reads beside its code are; the defaults suit the sources as checked out. */
export interface HeadlessPlaces {
  /** The built UI (`npm run build`); the REST port works without it. */
  uiDir: string;
  migrationsFolder?: string;
  passwordWorkerUrl?: URL;
}

export async function runHeadless(places: HeadlessPlaces): Promise<void> {
  const config = readEnvConfig();
  const demo = process.argv.includes('--demo');
  const core = await createCore({
    dataDir: config.dataDir,
    host: config.host,
    port: config.port,
    env: config,
    // JSON lines on stdout: unexpected errors of both transports and the core's notices.
    logger: createLogger(),
    webUi: { dir: places.uiDir },
    migrationsFolder: places.migrationsFolder,
    passwordWorkerUrl: places.passwordWorkerUrl,
  });
  if (demo) {
    const seeded = await seedDemoShop(core.services);
    console.log(
      seeded
        ? 'demo shop created: sign in as "owner" with "Demo-Owner-2026!" (see README)'
        : 'demo skipped: the database already has users',
    );
  }
  if (!core.webUiServed) console.error(`no built UI in ${places.uiDir}: "npm run build" makes it; the REST port works without it`);
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
