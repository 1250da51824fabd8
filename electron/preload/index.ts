// The renderer's only door to the main process: the tRPC IPC bridge, and nothing else.
import { exposeElectronTRPC } from 'trpc-electron/main';

process.once('loaded', () => {
  exposeElectronTRPC();
});
