/**
 * `karnameh --sheet` without any Google credentials, run as a real process: stderr says
 * what to set, and nothing else. The metadata server is a loopback one that answers like
 * the proxy in front of a laptop (403), which gcp-metadata would report as a
 * MetadataLookupWarning if it were asked.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../bin/karnameh.js', import.meta.url));

let metadata: Server;
let asked = 0;
let home: string;

beforeAll(async () => {
  metadata = createServer((_req, res) => {
    asked++;
    res.writeHead(403, { 'content-type': 'text/plain' });
    res.end('Forbidden');
  });
  await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
  home = await mkdtemp(join(tmpdir(), 'karnameh-no-credentials-'));
});
afterAll(async () => {
  await new Promise<void>((resolve) => metadata.close(() => resolve()));
  await rm(home, { recursive: true, force: true });
});

function run(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr, stdout }));
  });
}

it('says which credentials to set, and leaks no MetadataLookupWarning', async () => {
  const { port } = metadata.address() as AddressInfo;
  const result = await run(['check', '--sheet', '1AbCdEfGhIjKlMnOpQrStUvWxYz'], {
    PATH: process.env.PATH,
    HOME: home,
    GCE_METADATA_HOST: `127.0.0.1:${port}`,
  });
  expect(result.code).toBe(3);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toContain('MetadataLookupWarning');
  expect(result.stderr).toContain(
    'No Google credentials for spreadsheet 1AbCdEfGhIjKlMnOpQrStUvWxYz: on your computer sign in with gcloud auth application-default login --impersonate-service-account=SERVICE_ACCOUNT_EMAIL (the account the sheet is shared with; you need roles/iam.serviceAccountTokenCreator on it); or set GOOGLE_APPLICATION_CREDENTIALS',
  );
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(asked).toBe(0);
}, 60_000);
