/**
 * The headless server as one bundled file, the form the desktop app runs the core in
 * (electron-vite bundles electron/main), instead of TypeScript compiled on load by tsx as
 * `npm run serve` does. `bundleServer()` builds it with esbuild into .bench/bundled/; the places
 * the sources resolve from `import.meta.url` are given from the checkout's root instead.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runHeadless } from '../electron/server/headless';

const root = resolve(process.env.SHOPDESK_CHECKOUT ?? '.');
await runHeadless({
  uiDir: join(root, 'out', 'renderer'),
  migrationsFolder: join(root, 'db', 'migrations'),
  passwordWorkerUrl: pathToFileURL(join(root, 'electron', 'core', 'auth', 'password-hash.worker.mjs')),
});
