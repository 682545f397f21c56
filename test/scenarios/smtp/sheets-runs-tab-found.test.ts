/**
 * The runs record of a Google Sheet is found by what it is (issue 19, item 2), with real
 * processes, the Sheets stand-in over HTTP and SMTP on loopback: after `init` marks the
 * tabs, a renamed runs tab is still the record (a rerun sends nothing), and a tab a person
 * adds under its old title is `tab.unmarked`, a warning, and ignored. A Sheet never marked
 * finds a renamed runs tab by its header.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import type { RawWorkbook } from '../../../functions/core/contract/cells.ts';
import { runsRows } from '../../../functions/core/contract/runs-log.ts';
import type { Summary } from '../../../functions/core/figures/summary.ts';
import { scratch } from '../../support/cli-harness.ts';
import { standInEnv } from '../../support/sheets-cli.ts';
import { standInApi } from '../../support/sheets-fixtures.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-stand-in.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';
import { spawnCli } from '../../support/spawn-cli.ts';
import { MAIL_FROM, MONTH, RECIPIENTS, setAgencyCards } from '../../support/mail-fixtures.ts';

let standIn: SheetsStandIn;
let example: RawWorkbook;
let smtp: TestSmtpServer;
let box: Awaited<ReturnType<typeof scratch>>;

beforeAll(async () => {
  standIn = await startSheetsStandIn();
  const copy = await scratch();
  await setAgencyCards(copy.workbook, false); // the release alone
  example = { tabs: (await createXlsxStore(copy.workbook).read()).tabs };
  await copy.cleanup();
});
afterAll(async () => {
  await standIn.close();
});
beforeEach(async () => {
  box = await scratch();
  smtp = await startSmtpServer();
});
afterEach(async () => {
  await smtp.close();
  await box.cleanup();
});

const karnameh = (id: string, ...args: string[]) =>
  spawnCli([...args, '--sheet', id], { ...standInEnv(standIn), SMTP_URL: smtp.url, MAIL_FROM });

async function run(id: string): Promise<{ code: number | null; summary: Summary; stderr: string }> {
  const done = await karnameh(id, 'run', '--month', MONTH, '--outbox', box.outbox, '--json');
  return { ...done, summary: JSON.parse(done.stdout || '{}') as Summary };
}

/** Renames a tab of the stand-in's spreadsheet, as a person does in the browser. */
async function rename(id: string, from: string, to: string): Promise<void> {
  const api = standInApi(standIn);
  const got = await api.spreadsheets.get({
    spreadsheetId: id,
    fields: 'sheets(properties(sheetId,title))',
  });
  const sheetId = got.data.sheets?.find((s) => s.properties?.title === from)?.properties?.sheetId;
  await api.spreadsheets.batchUpdate({
    spreadsheetId: id,
    requestBody: {
      requests: [
        { updateSheetProperties: { properties: { sheetId, title: to }, fields: 'title' } },
      ],
    },
  });
}

const everyoneOnce = () => Object.fromEntries([...RECIPIENTS].sort().map((r) => [r, 1]));

describe('the runs tab of a Sheet, whatever its title', () => {
  it('marked by init: renamed, it is still the record; a look-alike is tab.unmarked and ignored', async () => {
    const id = 'marked-runs';
    standIn.loadWorkbook(id, example);
    const init = await karnameh(id, 'init', '--editor', 'owner@example.org');
    expect(init.code, init.stderr).toBe(0);
    const first = await run(id);
    expect(first.code, first.stderr).toBe(0);
    expect(smtp.counts()).toEqual(everyoneOnce());

    await rename(id, 'اجراها', 'سوابق ارسال');
    // A person adds a tab under the old title, with the header and a row of their own.
    const header = (runsRows([])[0] ?? []).map((text) => ({
      userEnteredValue: { stringValue: String(text) },
    }));
    await standInApi(standIn).spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          { addSheet: { properties: { sheetId: 4242, title: 'اجراها' } } },
          {
            updateCells: {
              start: { sheetId: 4242, rowIndex: 0, columnIndex: 0 },
              rows: [{ values: header }],
              fields: 'userEnteredValue',
            },
          },
        ],
      },
    });

    const again = await run(id);
    expect(again.code, again.stderr).toBe(0);
    expect(again.summary.status).toBe('already-sent');
    expect(smtp.counts()).toEqual(everyoneOnce());
    const unmarked = again.summary.problems.find((p) => p.code === 'tab.unmarked');
    expect(unmarked).toMatchObject({ severity: 'warning', tab: 'اجراها' });
    expect(unmarked?.message).toContain('سوابق ارسال');
    // The run's own row went into the marked tab; the look-alike is as the person left it.
    expect(standIn.tabRows(id, 'اجراها')).toEqual(runsRows([]));
    const kinds = standIn.tabRows(id, 'سوابق ارسال').map((row) => row[3]);
    expect(kinds.filter((k) => k === 'run')).toHaveLength(2);
  }, 120_000);

  it('never marked: a renamed runs tab is found by its header; the month is not sent again', async () => {
    const id = 'unmarked-runs';
    standIn.loadWorkbook(id, example);
    const first = await run(id);
    expect(first.code, first.stderr).toBe(0);
    await rename(id, 'اجراها', 'بایگانی ارسال');
    const again = await run(id);
    expect(again.code, again.stderr).toBe(0);
    expect(again.summary.status).toBe('already-sent');
    expect(smtp.counts()).toEqual(everyoneOnce());
    const titles = standIn.spreadsheet(id).sheets.map((s) => s.properties.title);
    expect(titles).not.toContain('اجراها');
  }, 120_000);
});
