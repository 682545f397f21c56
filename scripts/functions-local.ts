/**
 * `npm run functions -- [--workbook FILE.xlsx | --sheet ID] [--port 8080] [--outbox DIR]`
 *
 * Both HTTP functions on this machine, served by functions-framework exactly as
 * functions/index.ts registers them: monthlyRun on PORT, watchSheet on PORT+1 (one
 * target per server, as on Google Cloud). The workbook is a temporary copy of the bundled
 * example unless --workbook or --sheet says otherwise (--sheet talks to Google, or to a
 * stand-in through SHEETS_API_URL and SHEETS_ACCESS_TOKEN). Mail goes into the outbox
 * folder as .eml files unless SMTP_URL is set. Calls need no token here: each one logs
 * that it is a local development call.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getTestServer } from '@google-cloud/functions-framework/testing';

const EXAMPLE = fileURLToPath(new URL('../examples/ilam-1403.xlsx', import.meta.url));

const { values } = parseArgs({
  options: {
    workbook: { type: 'string' },
    sheet: { type: 'string' },
    port: { type: 'string', default: '8080' },
    outbox: { type: 'string', default: 'outbox' },
  },
  strict: true,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65534) {
  process.stderr.write(`--port must be a port number (got ${values.port})\n`);
  process.exit(2);
}
if (values.workbook && values.sheet) {
  process.stderr.write('give --workbook or --sheet, not both\n');
  process.exit(2);
}

/** The temporary folder of the example's copy, removed on exit. */
let scratch: string | null = null;

// The functions read their configuration from the environment on the first call.
delete process.env.K_SERVICE;
if (values.sheet) {
  process.env.KARNAMEH_SHEET = values.sheet;
  delete process.env.KARNAMEH_WORKBOOK;
  delete process.env.SPREADSHEET_ID;
} else {
  let workbook = values.workbook ? resolve(values.workbook) : undefined;
  if (!workbook) {
    scratch = await mkdtemp(join(tmpdir(), 'karnameh-local-'));
    workbook = join(scratch, 'ilam-1403.xlsx');
    await copyFile(EXAMPLE, workbook);
  }
  process.env.KARNAMEH_WORKBOOK = workbook;
  delete process.env.KARNAMEH_SHEET;
  delete process.env.SPREADSHEET_ID;
}
process.env.KARNAMEH_OUTBOX = resolve(values.outbox);
delete process.env.OUTBOX_DIR;

await import('../functions/index.ts');

async function listen(target: string, at: number): Promise<{ server: Server; url: string }> {
  const server = getTestServer(target);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(at, '127.0.0.1', done);
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** One line for a port that cannot be had (in use, not allowed), the copy removed, exit 1. */
async function refuse(
  error: unknown,
  target: string,
  at: number,
  opened: Server[],
): Promise<never> {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'EADDRINUSE'
      ? 'is in use by another program'
      : code === 'EACCES'
        ? 'may not be used by this user'
        : `cannot be listened on (${error instanceof Error ? error.message : String(error)})`;
  process.stderr.write(
    `karnameh functions: port ${at} (for ${target}) ${why}; choose another with --port N (watchSheet takes N+1)\n`,
  );
  for (const server of opened) server.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
  process.exit(1);
}

const watchPort = port === 0 ? 0 : port + 1;
const monthly = await listen('monthlyRun', port).catch((error: unknown) =>
  refuse(error, 'monthlyRun', port, []),
);
const watch = await listen('watchSheet', watchPort).catch((error: unknown) =>
  refuse(error, 'watchSheet', watchPort, [monthly.server]),
);

const source = process.env.KARNAMEH_SHEET
  ? `Google Sheet ${process.env.KARNAMEH_SHEET}${process.env.SHEETS_API_URL ? ` via ${process.env.SHEETS_API_URL}` : ''}`
  : `workbook ${process.env.KARNAMEH_WORKBOOK}${scratch ? ' (a copy of the example, removed when you stop)' : ''}`;
const mail = process.env.SMTP_URL
  ? 'SMTP (SMTP_URL)'
  : `.eml files in ${process.env.KARNAMEH_OUTBOX}`;
process.stdout.write(
  [
    'karnameh functions, local development (no IAM: calls need no token here)',
    `  source: ${source}`,
    `  mail:   ${mail}`,
    `monthlyRun ${monthly.url}`,
    `watchSheet ${watch.url}`,
    '',
    'try:',
    `  curl -X POST -H 'Content-Type: application/json' -d '{"month":"1403-04","dryRun":true}' ${monthly.url}`,
    `  curl -X POST -H 'Content-Type: application/json' -d '{"month":"1403-04"}' ${monthly.url}`,
    `  curl -X POST ${watch.url}`,
    'logs: one JSON object per line, below. Ctrl-C stops.',
    '',
  ].join('\n'),
);

const stop = () => {
  monthly.server.closeAllConnections();
  watch.server.closeAllConnections();
  monthly.server.close();
  watch.server.close();
  if (scratch) void rm(scratch, { recursive: true, force: true });
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
