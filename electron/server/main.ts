/** `npm run serve`: the headless server (./headless.ts) of this checkout, the built UI from out/renderer. */
import { fileURLToPath } from 'node:url';
import { runHeadless } from './headless';

runHeadless({ uiDir: fileURLToPath(new URL('../../out/renderer', import.meta.url)) }).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
