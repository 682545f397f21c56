import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import type { RawTab, RawWorkbook } from '../../../functions/core/contract/cells.ts';
import { INPUT_TABS, TABS } from '../../../functions/core/contract/tabs.ts';
import { findTab } from '../../../functions/core/contract/tab-lookup.ts';
import { editTab, setAgencyCards } from '../../support/mail-fixtures.ts';
import { karnameh, scratch } from '../../support/cli-harness.ts';
import { emlFiles } from '../../support/outbox-files.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

type Box = Awaited<ReturnType<typeof scratch>>;
let box: Box;
beforeEach(async () => {
  box = await scratch();
  await setAgencyCards(box.workbook, false); // the release alone (cards: test/scenarios/smtp/agency-cards.test.ts)
});
afterEach(async () => {
  await box.cleanup();
});

const read = (path: string): Promise<RawWorkbook> => createXlsxStore(path).read();
const tabOf = (wb: RawWorkbook, key: keyof typeof TABS): RawTab => {
  const tab = findTab(wb, key);
  if (!tab) throw new Error(`no ${key} tab`);
  return tab;
};
const inputs = (wb: RawWorkbook) => INPUT_TABS.map((key) => findTab(wb, key));
const rowsOfMonth = (wb: RawWorkbook, month: string) =>
  tabOf(wb, 'results').rows.filter((row) => row[0] === month);
const run = (...args: string[]) =>
  karnameh(['run', '--workbook', box.workbook, '--outbox', box.outbox, ...args]);

describe('a dry run with nothing to render', () => {
  it('writes nothing to the workbook and says it is blocked (a month nobody was scored in)', async () => {
    const bytes = await readFile(box.workbook);
    const result = await run('--month', '1300-01', '--dry-run');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('dry run: nothing written, nothing sent (BLOCKED:');
    expect(result.stderr).not.toContain('wrote');
    expect(await readFile(box.workbook)).toEqual(bytes);
  });

  it('is an error (exit 1), as docs/command-line.md says, unlike a dry run that renders a month a real run would stop', async () => {
    const result = await run('--month', '1300-01', '--dry-run');
    expect(result.code).toBe(1);
    const last = result.stderr.trim().split('\n').at(-1);
    expect(last).toMatch(/^karnameh error: dry run: .* \(BLOCKED: .*\)$/);
    const docs = (await readFile(join(ROOT, 'docs', 'command-line.md'), 'utf8')).replace(
      /\s+/g,
      ' ',
    );
    expect(docs).toContain('A month a real run would stop still renders (exit 0)');
    expect(docs).toContain(
      'A month with nothing to render (nobody evaluated, a tab or column missing) is an error instead, exit 1',
    );
    expect(docs).toContain('`karnameh error: dry run: … (BLOCKED: …)`');
  });

  it('past 20 problems, says the rest are not in the problems tab (a dry run writes none); check writes them there', async () => {
    await editTab(box.workbook, 'scores', (ws) => {
      for (let r = 2; r <= ws.rowCount; r++) ws.getRow(r).getCell(3).value = 'بد';
    });
    const dry = await run('--month', '1403-04', '--dry-run');
    expect(dry.stderr).toMatch(
      /karnameh: … and \d+ more not shown: a dry run writes nothing \(`karnameh check` writes them all to the problems tab\)\n/,
    );
    expect(dry.stderr).not.toContain('in the problems tab');
    const check = await karnameh(['check', '--workbook', box.workbook, '--month', '1403-04']);
    expect(check.stderr).toMatch(/karnameh: … and \d+ more in the problems tab\n/);
  });
});

describe('karnameh run on a copy of the example', () => {
  it('writes results, problems and runs, sends to every recipient, and changes no input cell', async () => {
    const before = await read(box.workbook);
    const first = await run('--month', '1403-04');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('written as .eml for 3 recipient');

    const after = await read(box.workbook);
    expect(inputs(after)).toEqual(inputs(before));
    const results = tabOf(after, 'results');
    expect(results.rows[0]?.slice(0, 7)).toEqual([
      'ماه',
      'گروه',
      'رتبه',
      'شناسه',
      'دستگاه',
      'امتیاز',
      'سطح',
    ]);
    expect(rowsOfMonth(after, '1403-04')).toHaveLength(110);
    const runs = tabOf(after, 'runs').rows.slice(1);
    expect(runs.map((r) => [r[3], r[4]])).toEqual([
      // No SMTP_URL: written as .eml, not sent (a run with SMTP_URL sends them).
      ['run', 'written'],
      ['release', 'written'],
      ['release', 'written'],
      ['release', 'written'],
    ]);
    // The month's folder of messages, by run (each run id's .eml files), and the public site.
    expect((await readdir(box.outbox)).sort()).toEqual(['1403-04', 'site']);
    expect(await emlFiles(box.outbox)).toHaveLength(3);
    expect(await readdir(`${box.outbox}/site/1403-04`)).toEqual([
      'index.html',
      'infographic.png',
      'infographic.svg',
      'results.csv',
      'results.json',
    ]);
  });

  it('does not send a month twice without --force, and --force sends a correction', async () => {
    expect((await run('--month', '1403-04')).code).toBe(0);
    const again = await run('--month', '1403-04');
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already written as .eml');
    expect(await emlFiles(box.outbox)).toHaveLength(3);

    const forced = await run('--month', '1403-04', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('correction written as .eml for 3');
    expect(await emlFiles(box.outbox)).toHaveLength(6);
    const after = await read(box.workbook);
    expect(rowsOfMonth(after, '1403-04')).toHaveLength(110);
  });

  it('keeps the results of other months, in month order', async () => {
    expect((await run('--month', '1403-04')).code).toBe(0);
    expect((await run('--month', '1403-03')).code).toBe(0);
    const after = await read(box.workbook);
    expect(rowsOfMonth(after, '1403-03')).toHaveLength(110);
    expect(rowsOfMonth(after, '1403-04')).toHaveLength(110);
    const months = tabOf(after, 'results')
      .rows.slice(1)
      .map((r) => r[0]);
    expect(months).toEqual([...months].sort());
  });

  it('writes nothing with --dry-run and renders the preview instead', async () => {
    const before = await read(box.workbook);
    const dry = await run('--month', '1403-04', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(await read(box.workbook)).toEqual(before);
    expect((await readdir(`${box.outbox}/preview`)).sort()).toEqual([
      'cards',
      'karnameh-1403-04.csv',
      'release.html',
      'release.txt',
      'site',
    ]);
    expect(await readdir(`${box.outbox}/site`).catch(() => 'none')).toBe('none');
    // the infographic where a reviewer opens it, beside the month's page as the public site has it
    expect(dry.stderr).toContain(`preview: ${box.outbox}/preview/site/1403-04/infographic.png`);
    const site = `${box.outbox}/preview/site/1403-04`;
    expect((await readdir(site)).sort()).toEqual([
      'index.html',
      'infographic.png',
      'infographic.svg',
      'results.csv',
      'results.json',
    ]);
  });

  it('prints only JSON on stdout with --json', async () => {
    const dry = await run('--month', '1403-04', '--dry-run', '--json');
    expect(() => JSON.parse(dry.stdout)).not.toThrow();
    expect(dry.stderr).toContain('dry run');
  });
});
