/**
 * A monthly run through the Sheets store while Google refuses the first two attempts of
 * every call (429, quota): it completes, each call sent three times, the mail sent once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxMailer } from '../../../functions/adapters/mail/transports/outbox-mailer.ts';
import { createReleaseRenderer } from '../../../functions/adapters/mail/templates/render-release.ts';
import { runMonth } from '../../../functions/use-cases/run-month.ts';
import { standInStore } from '../../support/sheets-fixtures.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-stand-in.ts';
import { CLOCK } from '../../support/contract-stores.ts';
import { contractWorkbook } from '../../support/contract-workbook.ts';
import { calls } from '../../support/sheets-cli.ts';
import { emlFiles } from '../../support/outbox-files.ts';

let standIn: SheetsStandIn;
let dir: string;

beforeAll(async () => {
  standIn = await startSheetsStandIn();
  dir = await mkdtemp(join(tmpdir(), 'karnameh-retry-'));
});
afterAll(async () => {
  await standIn?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a monthly run through 429 on the first two attempts of every call', () => {
  it('completes, sending each call three times and each message once', async () => {
    standIn.loadWorkbook('retry-429', contractWorkbook());
    standIn.inject({ status: 429, cycle: { fail: 2, pass: 1 } });
    const outbox = join(dir, 'outbox');
    const mailer = createOutboxMailer({ dir: outbox, prefix: 'r-1' });
    const outcome = await runMonth(
      {
        store: standInStore(standIn, 'retry-429'),
        mailer,
        render: createReleaseRenderer(),
        now: () => CLOCK,
        newRunId: () => 'r-1',
        log: { info: () => {}, warn: () => {}, error: () => {} },
      },
      { month: '1403-04' },
    );
    await mailer.close();
    expect([outcome.summary.status, outcome.exitCode]).toEqual(['sent', 0]);
    expect(calls(standIn)).toEqual(
      [
        ...['get', 'values.batchGet'], // the read
        'batchUpdate', // the claim (no runs tab yet: added, holding the claim alone)
        'batchUpdate', // results, problems, the batch `pending` (rows added: no read)
        ...['values.batchGet', 'batchUpdate'], // the batch `sent`, the run row's end
      ].flatMap((m) => [`${m} 429`, `${m} 429`, `${m} 200`]),
    );
    expect(await emlFiles(outbox)).toHaveLength(2);
    const runs = standIn.tabRows('retry-429', 'اجراها').slice(1);
    expect(runs.map((r) => `${r[3]} ${r[4]}`)).toEqual([
      // The outbox writes .eml files: `written`, not sent.
      'run written',
      'release written',
      'release written',
    ]);
    expect(standIn.tabRows('retry-429', 'نتایج')).toHaveLength(12);
  });
});
