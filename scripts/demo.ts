/**
 * `npm run demo`: the monthly job on a copy of the bundled example, so the example stays
 * as shipped. Extra arguments go to `karnameh run` (e.g. `npm run demo -- --dry-run`).
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { entryModule } from '../bin/entry.js';

// The build in dist/ when it is fresh, else the sources (as bin/karnameh.js does).
const { main } = (await import(entryModule())) as typeof import('../functions/cli/main.ts');

const root = fileURLToPath(new URL('..', import.meta.url));
const example = `${root}examples/ilam-1403.xlsx`;
const outbox = `${root}outbox`;
const copy = `${outbox}/ilam-1403.xlsx`;

await mkdir(outbox, { recursive: true });
await copyFile(example, copy);
process.stderr.write(`karnameh demo: working on a copy of the example: ${copy}\n`);
process.exitCode = await main(
  ['run', '--workbook', copy, '--month', '1403-04', '--outbox', outbox, ...process.argv.slice(2)],
  {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  },
);
