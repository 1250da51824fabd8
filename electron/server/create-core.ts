import type { FastifyServerOptions } from 'fastify';
import packageJson from '../../package.json' with { type: 'json' };
import { createServices, type ServicesOptions } from '../core/create-services';
import { buildRestServer } from '../rest/server';
import { registerWebUi } from '../web/web-ui';

export interface CoreOptions extends ServicesOptions {
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  logger?: FastifyServerOptions['logger'];
  /** Headless web mode: serve the built UI from this folder and tRPC over HTTP at /trpc. */
  webUi?: { dir?: string };
}

export const APP_VERSION: string = packageJson.version;

/**
 * The one entry of DESIGN.md: opens the data folder, runs migrations, starts the REST port,
 * and returns the services with a `close()` that stops everything and closes the database.
 */
export async function createCore(options: CoreOptions) {
  const services = createServices(options);
  let rest;
  let webUiServed = false;
  try {
    rest = await buildRestServer(services, { version: APP_VERSION, logger: options.logger });
    if (options.webUi) webUiServed = await registerWebUi(rest, services, options.webUi.dir);
    await rest.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8740 });
  } catch (error) {
    await rest?.close();
    await services.close();
    throw error;
  }
  const address = rest.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 8740);
  const host = options.host ?? '127.0.0.1';
  const server = rest;
  let closing: Promise<void> | undefined;

  return {
    services,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
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
