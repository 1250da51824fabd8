/**
 * Writes the served OpenAPI document to a file (default test-results/openapi.json), so that
 * `redocly lint` checks exactly what devices download: the real core on a temp data folder and
 * a free loopback port, asked for GET /api/v1/openapi.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createCore } from '../electron/server/create-core';

async function dumpOpenApi(outFile: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-openapi-'));
  // With the web UI's routes registered, as `npm run serve` has them: they must stay out of the document.
  const core = await createCore({ dataDir, port: 0, log: () => {}, webUi: {} });
  try {
    const res = await fetch(`${core.url}/api/v1/openapi.json`);
    if (!res.ok) throw new Error(`GET /api/v1/openapi.json answered ${res.status}`);
    const document: unknown = await res.json();
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify(document, null, 2)}\n`);
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const outFile = process.argv[2] ?? 'test-results/openapi.json';
dumpOpenApi(outFile).then(
  () => console.log(`OpenAPI document written to ${outFile}`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
