import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * HTTP at the level fetch hides: any `Host` header, bodies streamed chunk by chunk, a
 * self-signed certificate accepted. For the transport tests (body limits, DNS rebinding, TLS).
 */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json(): unknown;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: OutgoingHttpHeaders;
  body?: string;
  /** false: send no Host header at all (HTTP/1.0 style). */
  setHost?: boolean;
}

function requestFor(url: URL) {
  return url.protocol === 'https:' ? httpsRequest : httpRequest;
}

function readAll(res: IncomingMessage): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('error', reject);
    res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as unknown }));
  });
}

/** One request; `rejectUnauthorized: false` so a test's self-signed certificate is accepted. */
export function rawRequest(baseUrl: string, options: RawRequest): Promise<RawResponse> {
  const url = new URL(options.path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = requestFor(url)(
      {
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: options.method ?? 'GET',
        headers: options.headers,
        setHost: options.setHost ?? true,
        rejectUnauthorized: false,
      },
      (res) => void readAll(res).then(resolve, reject),
    );
    req.setTimeout(10_000, () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface UploadResult extends RawResponse {
  /** Bytes handed to the socket when the answer arrived. */
  sentWhenAnswered: number;
  totalBytes: number;
}

/**
 * POSTs `totalBytes` of filler in 64 KiB chunks, as fast as the socket takes them, and notes how
 * much was sent when the answer came: an answer well before the end was decided from the headers.
 */
export function streamUpload(
  baseUrl: string,
  options: { path: string; headers: OutgoingHttpHeaders; totalBytes: number; chunked?: boolean },
): Promise<UploadResult> {
  const url = new URL(options.path, baseUrl);
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const headers: OutgoingHttpHeaders = { ...options.headers };
  if (!options.chunked) headers['content-length'] = String(options.totalBytes);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = requestFor(url)(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, rejectUnauthorized: false },
      (res) => {
        answered = true;
        const sentWhenAnswered = sent;
        readAll(res).then((body) => {
          // The rest of the upload is not wanted any more.
          req.destroy();
          resolve({ ...body, sentWhenAnswered, totalBytes: options.totalBytes });
        }, reject);
      },
    );
    req.setTimeout(20_000, () => req.destroy(new Error('upload timed out')));
    // Once answered, the server may close the socket under the rest of the upload.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = (): void => {
      while (sent < options.totalBytes) {
        if (answered || req.destroyed) return;
        const piece = sent + chunk.length <= options.totalBytes ? chunk : chunk.subarray(0, options.totalBytes - sent);
        sent += piece.length;
        if (!req.write(piece)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}
