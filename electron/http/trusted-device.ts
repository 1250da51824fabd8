import { isIPv4 } from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { DeviceOrigin } from '../core/pins/pin-login';

export const DEVICE_TOKEN_HEADER = 'x-device-token';

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (a dual-stack socket reports `::ffff:127.0.0.1`). */
export function isLoopbackAddress(address: string): boolean {
  const plain = address.toLowerCase().replace(/^::ffff:/, '');
  if (plain === '::1') return true;
  return isIPv4(plain) && plain.startsWith('127.');
}

/**
 * Where a PIN sign-in comes from (API-SELLING.md, "Staff PINs"). The socket's own address, never
 * a forwarded header: the server is reached directly, and a header is anyone's to write. A
 * request carrying a device token is judged by the token alone, loopback or not.
 */
export function deviceOriginOf(request: FastifyRequest): DeviceOrigin {
  const header = request.headers[DEVICE_TOKEN_HEADER];
  if (header !== undefined) return { kind: 'device_token', token: typeof header === 'string' ? header.trim() : '' };
  return originFromLoopback(isLoopbackAddress(request.socket.remoteAddress ?? ''));
}

/**
 * The origin of a request without a device token, for REST and tRPC alike: the shop's own
 * computer (loopback, or the desktop window) is trusted, anywhere else is not.
 */
export function originFromLoopback(fromLoopback: boolean): DeviceOrigin {
  return fromLoopback ? { kind: 'trusted' } : { kind: 'untrusted' };
}
