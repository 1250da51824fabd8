import { isIPv4 } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { ErrorBody } from '../../shared/errors';

/**
 * The DNS-rebinding guard. A page on evil.example whose name is re-pointed at 127.0.0.1 talks to
 * this port from the shop computer's own browser, as loopback (first-run set-up included); the
 * one thing it cannot forge is the `Host` header, which still says evil.example. So only the
 * names this server is reached by are answered: loopback, the bound address (with a wildcard
 * bind, this machine's own addresses) and the names of SHOPDESK_ALLOWED_HOSTS.
 */
export interface HostPolicy {
  /** The address the port is bound to (SHOPDESK_HOST). */
  boundHost: string;
  /** SHOPDESK_ALLOWED_HOSTS: `name` (at the port the request came to) or `name:port`. */
  allowedHosts?: readonly string[];
  /** This machine's addresses; read again on each use, as DHCP may change them. */
  ownAddresses?: () => Iterable<string>;
}

interface HostName {
  /** Lower-cased, without a trailing dot; IPv6 in brackets. */
  name: string;
  port: number | null;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]']);

/** `name[:port]` or `[v6][:port]`; null for anything else (a user name, a path, garbage). */
export function parseHost(value: string): HostName | null {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  const name = match?.[1];
  if (!match || !name) return null;
  return { name: name.toLowerCase().replace(/\.$/, ''), port: match[2] === undefined ? null : Number(match[2]) };
}

function asHostName(address: string): string {
  const plain = address.toLowerCase().replace(/%.*$/, '');
  return plain.includes(':') && !plain.startsWith('[') ? `[${plain}]` : plain;
}

function systemAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address));
}

function isAddressLiteral(name: string): boolean {
  return isIPv4(name) || name.startsWith('[');
}

/** Whether a request whose `Host` is `header`, received on `localPort`, is for this server. */
export function createHostCheck(policy: HostPolicy) {
  const bound = asHostName(policy.boundHost);
  const wildcard = WILDCARD_BINDS.has(bound);
  const names = new Set(LOOPBACK_NAMES);
  if (!wildcard) names.add(bound);
  const namesWithPort = new Set<string>();
  for (const entry of policy.allowedHosts ?? []) {
    const parsed = parseHost(entry);
    if (parsed?.port === null) names.add(parsed.name);
    else if (parsed) namesWithPort.add(`${parsed.name}:${parsed.port}`);
  }
  const ownAddresses = policy.ownAddresses ?? systemAddresses;
  // Devices send the same few Host values over and over: each is parsed once (bounded, as any
  // client may send any value).
  const parsed = new Map<string, HostName | null>();
  const parseOnce = (header: string): HostName | null => {
    let host = parsed.get(header);
    if (host === undefined) {
      if (parsed.size >= 256) parsed.clear();
      host = parseHost(header);
      parsed.set(header, host);
    }
    return host;
  };

  return (header: string | undefined, localPort: number, defaultPort: number): boolean => {
    const host = header === undefined ? null : parseOnce(header);
    if (!host) return false;
    const port = host.port ?? defaultPort;
    if (namesWithPort.has(`${host.name}:${port}`)) return true;
    if (port !== localPort) return false;
    if (names.has(host.name)) return true;
    // An address literal cannot be rebound: with a wildcard bind, any of ours is fine.
    if (!wildcard || !isAddressLiteral(host.name)) return false;
    for (const address of ownAddresses()) if (asHostName(address) === host.name) return true;
    return false;
  };
}

/** Only for a socket that no longer knows its port: the server's own address is a system call. */
function listeningPort(app: FastifyInstance): number {
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** Refuses, before anything else runs, a request addressed to a name this server is not. */
export function installHostCheck(app: FastifyInstance, policy: HostPolicy): void {
  const isForUs = createHostCheck(policy);
  // A callback hook: it runs for every request, and a promise each shows under load.
  app.addHook('onRequest', (request, reply, done) => {
    const localPort = request.socket.localPort ?? listeningPort(app);
    if (isForUs(request.headers.host, localPort, request.protocol === 'https' ? 443 : 80)) return done();
    reply
      .code(403)
      .header('Connection', 'close')
      .type('application/json; charset=utf-8')
      .send({
        error: 'forbidden',
        message: 'This server does not answer to that host name. If it is this shop’s, add it to SHOPDESK_ALLOWED_HOSTS.',
      } satisfies ErrorBody);
  });
}
