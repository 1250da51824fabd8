import packageJson from '../../package.json' with { type: 'json' };
import { createServices, type ServicesOptions } from '../core/create-services';
import type { TlsPair } from '../core/settings/tls-files';
import { buildRestServer } from '../rest/server';
import { registerWebUi } from '../web/web-ui';

export interface CoreOptions extends ServicesOptions {
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** Headless web mode: serve the built UI from this folder and tRPC over HTTP at /trpc. */
  webUi?: { dir?: string };
}

export const APP_VERSION: string = packageJson.version;

/**
 * The one entry of the core (the same for the desktop app, the headless server and tests): opens the data folder, runs migrations, starts the REST port,
 * and returns the services with a `close()` that stops everything and closes the database.
 */
export async function createCore(options: CoreOptions) {
  const services = createServices(options);
  const host = options.host ?? '127.0.0.1';
  let rest;
  let webUiServed = false;
  let tls: TlsPair | null;
  try {
    const start = services.networkSettings.tlsForStart();
    tls = start.tls;
    const notice = options.log ?? ((line: string) => services.logger.warn(line));
    if (start.problem) notice(`HTTPS not started: ${start.problem}`);
    rest = await buildRestServer(services, {
      version: APP_VERSION,
      hosts: { boundHost: host, allowedHosts: options.env?.allowedHosts },
      tls: tls ?? undefined,
    });
    if (options.webUi) webUiServed = await registerWebUi(rest, services, options.webUi.dir);
    await rest.listen({ host, port: options.port ?? 8740 });
  } catch (error) {
    await rest?.close();
    await services.close();
    throw error;
  }
  const address = rest.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 8740);
  const server = rest;
  let closing: Promise<void> | undefined;

  return {
    services,
    url: `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    host,
    port,
    webUiServed,
    close(): Promise<void> {
      closing ??= (async () => {
        await server.close();
        await services.close();
      })();
      return closing;
    },
  };
}

export type Core = Awaited<ReturnType<typeof createCore>>;
