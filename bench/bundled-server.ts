/**
 * The headless server as one bundled file, the form the desktop app runs the core in
 * (electron-vite bundles electron/main), instead of TypeScript compiled on load by tsx as
 * `npm run serve` does. `bundleServer()` builds it with esbuild into .bench/bundled/; the places
 * the sources resolve from `import.meta.url` are given from the checkout's root instead.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readEnvConfig } from '../electron/core/config';
import { createLogger } from '../electron/core/logger';
import { createCore } from '../electron/server/create-core';

const root = resolve(process.env.SHOPDESK_CHECKOUT ?? '.');
const config = readEnvConfig();
const core = await createCore({
  dataDir: config.dataDir,
  host: config.host,
  port: config.port,
  env: config,
  logger: createLogger(),
  webUi: { dir: join(root, 'out', 'renderer') },
  migrationsFolder: join(root, 'db', 'migrations'),
  passwordWorkerUrl: pathToFileURL(join(root, 'electron', 'core', 'auth', 'password-hash.worker.mjs')),
});
console.log(`listening on ${core.url}`);
process.on('SIGTERM', () => void core.close().then(() => process.exit(0)));
