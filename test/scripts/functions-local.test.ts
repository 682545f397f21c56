/** scripts/functions-local.ts: both functions served locally on a copy of the example. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { post } from '../support/functions-harness.ts';
import { emlFiles } from '../support/outbox-files.ts';

const SCRIPT = fileURLToPath(new URL('../../scripts/functions-local.ts', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/ilam-1403.xlsx', import.meta.url));
const hash = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

it('npm run functions: serves monthlyRun and watchSheet, mail into the outbox, the example untouched', async () => {
  const outbox = await mkdtemp(join(tmpdir(), 'karnameh-local-test-'));
  const example = await hash(EXAMPLE);
  const child = spawn(process.execPath, [SCRIPT, '--port', '0', '--outbox', outbox], {
    env: { PATH: process.env.PATH },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  try {
    const urls = await new Promise<Record<string, string>>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = Object.fromEntries(
          [...out.matchAll(/^(monthlyRun|watchSheet) (http:\S+)$/gm)].map((m) => [m[1], m[2]]),
        );
        if (found.monthlyRun && found.watchSheet && out.includes('Ctrl-C')) resolve(found);
      });
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    expect(out).toContain(
      `curl -X POST -H 'Content-Type: application/json' -d '{"month":"1403-04","dryRun":true}' ${urls.monthlyRun}`,
    );
    expect(out).toMatch(/source: workbook \S+karnameh-local-\S+ilam-1403\.xlsx/);

    const dry = await post(urls.monthlyRun ?? '', { month: '1403-04', dryRun: true });
    expect(dry.status, dry.text).toBe(200);
    const sent = await post(urls.monthlyRun ?? '', { month: '1403-04' });
    expect(sent.status, sent.text).toBe(200);
    // The release to its 3 recipients, then each agency's card (the demo shows cards).
    const cards = (sent.json().run as { cards: { sent: number } }).cards.sent;
    expect(cards).toBeGreaterThan(50);
    expect(await emlFiles(outbox)).toHaveLength(3 + cards);
    const watched = await post(urls.watchSheet ?? '');
    expect(watched.status, watched.text).toBe(200);
    expect(out).toContain('local development only');
    expect(await hash(EXAMPLE)).toBe(example);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await rm(outbox, { recursive: true, force: true });
  }
  const copy = /source: workbook (\S+)/.exec(out)?.[1] ?? '';
  await expect(readFile(copy)).rejects.toThrow(/ENOENT/);
});

it('npm run functions on a busy port: one line naming the port, exit 1, no copy of the example left', async () => {
  const busy = createServer();
  busy.listen(0, '127.0.0.1');
  await once(busy, 'listening');
  const port = (busy.address() as { port: number }).port;
  const scratchBefore = (await readdir(tmpdir())).filter((f) => f.startsWith('karnameh-local-'));
  try {
    const child = spawn(process.execPath, [SCRIPT, '--port', String(port)], {
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toEqual([
      `karnameh functions: port ${port} (for monthlyRun) is in use by another program; choose another with --port N (watchSheet takes N+1)`,
    ]);
    const scratchAfter = (await readdir(tmpdir())).filter((f) => f.startsWith('karnameh-local-'));
    expect(scratchAfter.filter((f) => !scratchBefore.includes(f))).toEqual([]);
  } finally {
    busy.close();
  }
});
