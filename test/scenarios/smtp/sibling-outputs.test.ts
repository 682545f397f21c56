import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createXlsxStore, siblingPath } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import { isKarnamehError } from '../../../functions/core/contract/errors.ts';
import { TABS } from '../../../functions/core/contract/tabs.ts';
import { addChart, zipParts } from '../../support/xlsx-fixtures.ts';
import { scratch } from '../../support/cli-harness.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';
import {
  setAgencyCards,
  RECIPIENTS,
  brief,
  runOverSmtp,
  runsOf,
} from '../../support/mail-fixtures.ts';

type Box = Awaited<ReturnType<typeof scratch>>;
let box: Box;
let smtp: TestSmtpServer;
let plain: Buffer;
let withChart: Buffer;
beforeEach(async () => {
  box = await scratch();
  await setAgencyCards(box.workbook, false); // the release alone (cards: agency-cards.test.ts)
  smtp = await startSmtpServer();
  plain = await readFile(box.workbook);
  await addChart(box.workbook, TABS.settings.label);
  withChart = await readFile(box.workbook);
});
afterEach(async () => {
  await smtp.close();
  await box.cleanup();
});

const run = (...args: string[]) => runOverSmtp(box, smtp.url, ...args);

/** The results file an older version left beside a workbook it could not rewrite (a runs header only). */
async function olderSibling(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet(TABS.runs.label).addRow(TABS.runs.columns.map((c) => c.label));
  await workbook.xlsx.writeFile(siblingPath(box.workbook));
}
const once = Object.fromEntries([...RECIPIENTS].sort().map((a) => [a, 1]));

describe('a workbook with a chart', () => {
  it('gets its outputs itself, its chart and every other part kept byte for byte', async () => {
    const before = await zipParts(box.workbook);
    const first = await run();
    expect(first.code, first.stderr).toBe(0);
    expect(smtp.counts()).toEqual(once);
    // Beside the workbook: nothing but the outbox, which holds the public pages alone.
    expect(await readdir(box.dir)).toEqual(['ilam.xlsx', 'outbox']);
    expect(await readdir(join(box.dir, 'outbox'))).toEqual(['site']);
    const after = await zipParts(box.workbook);
    const outputParts = new Set<string>();
    for (const [name, content] of before) {
      if (!content.equals(after.get(name) ?? Buffer.alloc(0))) outputParts.add(name);
    }
    expect(before.get('xl/charts/chart1.xml')).toEqual(after.get('xl/charts/chart1.xml'));
    // only the output tabs and the three entries that register the new ones changed
    expect([...outputParts].filter((n) => !n.startsWith('xl/worksheets/')).sort()).toEqual([
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
    ]);
    expect(brief(await runsOf(box.workbook)).map((r) => r.slice(0, 2))).toContainEqual([
      'release',
      'sent',
    ]);
    expect((await run()).stderr).toContain('already sent');
    expect(smtp.counts()).toEqual(once);
  });
});

describe('a workbook whose outputs an older version put in <name>.karnameh-results.xlsx', () => {
  beforeEach(olderSibling);

  it('sends once: the next run reads its runs tab from the sibling and says "already sent"', async () => {
    const first = await run();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('ilam.karnameh-results.xlsx');
    expect(smtp.counts()).toEqual(once);
    expect(await readFile(box.workbook)).toEqual(withChart);
    expect((await readdir(box.dir)).sort()).toEqual([
      'ilam.karnameh-results.xlsx',
      'ilam.xlsx',
      'outbox',
    ]);
    expect(brief(await runsOf(siblingPath(box.workbook))).length).toBe(4);

    const second = await run();
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('already sent');
    expect(smtp.counts()).toEqual(once);
    expect(await readFile(box.workbook)).toEqual(withChart);
    expect(brief(await runsOf(box.workbook)).map((r) => r.slice(0, 2))).toEqual([
      ['run', 'sent'],
      ['release', 'sent'],
      ['release', 'sent'],
      ['release', 'sent'],
      ['run', 'already-sent'],
    ]);

    // Another month keeps this one's results: the results tab is read from the sibling too.
    expect((await run('--month', '1403-03')).code).toBe(0);
    const results = await createXlsxStore(siblingPath(box.workbook)).read();
    const months = new Set(
      results.tabs
        .find((t) => t.name === TABS.results.label)
        ?.rows.slice(1)
        .map((r) => r[0]),
    );
    expect([...months].sort()).toEqual(['1403-03', '1403-04']);
  });

  it('a partial run over the sibling sends only the missing recipient next time', async () => {
    smtp.faults.rejectRcpt.add(RECIPIENTS[2]);
    expect((await run()).code).toBe(3);
    smtp.faults.rejectRcpt.clear();
    const second = await run();
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('release sent to 1 recipient(s)');
    expect(smtp.counts()).toEqual(once);
  });

  it('keeps the outputs in the sibling once it exists, even when the workbook could be rewritten', async () => {
    expect((await run()).code).toBe(0);
    await writeFile(box.workbook, plain);
    const again = await run();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('already sent');
    expect(again.stderr).toContain('where earlier runs put them');
    expect(smtp.counts()).toEqual(once);
    expect(await readFile(box.workbook)).toEqual(plain);
  });

  it('reads the sibling’s output tabs in place of the workbook’s own, inputs from the workbook', async () => {
    const store = createXlsxStore(box.workbook);
    const before = await store.read();
    const runs = [
      [...TABS.runs.columns.map((c) => c.label)],
      ['r-1', '1403-04', null, 'run', 'sent'],
    ];
    await store.write({
      outputs: { problems: [['کد']] },
      runs: [
        {
          runId: 'r-1',
          month: '1403-04',
          at: '',
          kind: 'run',
          status: 'sent',
          recipient: '',
          requestedBy: '',
          contentHash: '',
          detail: '',
        },
      ],
    });
    const after = await store.read();
    expect(after.tabs.map((t) => t.name)).toEqual([
      ...before.tabs.map((t) => t.name).filter((name) => name !== TABS.runs.label),
      TABS.problems.label,
      TABS.runs.label,
    ]);
    expect(after.tabs.slice(0, before.tabs.length - 1)).toEqual(before.tabs.slice(0, -1));
    expect(after.tabs.at(-1)?.rows).toEqual(runs);

    // A workbook that has its own (stale) runs tab: the sibling's stands in its place.
    await copyFile(join(box.dir, 'ilam.karnameh-results.xlsx'), join(box.dir, 'keep.xlsx'));
    await createXlsxStore(join(box.dir, 'other.xlsx')).init({
      tabs: [
        { key: 'settings', title: TABS.settings.label, header: ['کلید', 'مقدار'], rows: [] },
        { key: 'runs', title: TABS.runs.label, header: ['stale'], rows: [['old']] },
        { key: 'agencies', title: TABS.agencies.label, header: ['شناسه'], rows: [] },
      ],
    });
    await copyFile(join(box.dir, 'keep.xlsx'), siblingPath(join(box.dir, 'other.xlsx')));
    const other = await createXlsxStore(join(box.dir, 'other.xlsx')).read();
    expect(other.tabs.map((t) => [t.name, t.rows.length])).toEqual([
      [TABS.settings.label, 1],
      [TABS.runs.label, 2],
      [TABS.agencies.label, 1],
      [TABS.problems.label, 1],
    ]);
  });

  it('stops, sending nothing, when the sibling cannot be read', async () => {
    await writeFile(siblingPath(box.workbook), 'not a zip');
    const error: unknown = await createXlsxStore(box.workbook)
      .read()
      .catch((e: unknown) => e);
    expect(isKarnamehError(error) && error.code).toBe('source.unreadable');
    expect((error as Error).message).toContain('ilam.karnameh-results.xlsx');

    const result = await run();
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('cannot be read');
    expect(smtp.connections()).toBe(0);
    expect(await readFile(siblingPath(box.workbook), 'utf8')).toBe('not a zip');
  });
});
