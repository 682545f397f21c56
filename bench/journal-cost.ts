/**
 * The delivery journal's cost per message (issue 19): each message the command line sends
 * writes two lines, each synced to disk (fdatasync) before the run goes on: its attempt
 * before it is handed over, its outcome after. Measured on a journal in os.tmpdir() (a
 * workbook's folder is usually the same disk): `node bench/journal-cost.ts`, or in the
 * table of `npm run bench`. Informative: an SMTP server's reply takes longer.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createFileJournal } from '../functions/adapters/journal/file-journal.ts';
import { processHere } from '../functions/use-cases/delivery-ledger/claim.ts';
import { median, type Figure } from './measure.ts';

const MESSAGES = 200;

/** One run's journal of `MESSAGES` cards: the time per message, in ms. */
async function once(dir: string, runId: string): Promise<number> {
  const journal = createFileJournal({ dir, here: processHere(), warn: () => undefined });
  const opened = await journal.open({
    runId,
    month: '1403-04',
    pid: process.pid,
    host: 'bench',
    requestedBy: 'bench',
    digest: 'd',
    at: new Date().toISOString(),
  });
  if (!opened.journal) throw new Error(`no journal: ${opened.why}`);
  const start = performance.now();
  for (let i = 0; i < MESSAGES; i += 1) {
    const key = `a${i}:pr.a${i}@example.org`;
    await opened.journal.attempt('card', key);
    await opened.journal.outcome('card', key, 'sent', `hash=0123456789abcdef <${i}@bench>`);
  }
  const perMessage = (performance.now() - start) / MESSAGES;
  await opened.journal.finish();
  return perMessage;
}

export async function journalFigures(runs: number): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'karnameh-bench-journal-'));
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) times.push(await once(join(dir, 'j'), `r-bench-${i}`));
    return [
      {
        name: 'delivery journal, per message',
        value: median(times),
        unit: 'ms',
        runs,
        detail: `${MESSAGES} messages a run: attempt + outcome, each line fdatasync'd, in ${tmpdir()}`,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [figure] = await journalFigures(7);
  process.stdout.write(
    `${figure?.name}: ${figure?.value.toFixed(3)} ms (median of ${figure?.runs}; ${figure?.detail})\n`,
  );
}
