import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface TlsPair {
  cert: Buffer;
  key: Buffer;
}

/** A problem with one of the two files, named as the caller knows it (a variable, a field). */
export class TlsFileError extends Error {
  constructor(
    readonly which: 'cert' | 'key',
    message: string,
  ) {
    super(message);
    this.name = 'TlsFileError';
  }
}

function readPem(which: 'cert' | 'key', path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new TlsFileError(which, `Cannot read ${path} (${code}).`);
  }
}

/**
 * Reads a PEM certificate and its private key and checks that they belong together, so a
 * mistake shows when the paths are given, not as a handshake failure on every device.
 */
export function loadTlsPair(certPath: string, keyPath: string): TlsPair {
  const cert = readPem('cert', certPath);
  const key = readPem('key', keyPath);
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    throw new TlsFileError('cert', `${certPath} is not a PEM certificate.`);
  }
  let privateKey: ReturnType<typeof createPrivateKey>;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new TlsFileError('key', `${keyPath} is not a PEM private key (an encrypted key is not supported).`);
  }
  if (!certificate.checkPrivateKey(privateKey)) throw new TlsFileError('key', `${keyPath} is not the key of the certificate ${certPath}.`);
  return { cert, key };
}
