import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import type { CellValue, RawWorkbook } from '../../../functions/core/contract/cells.ts';
import { INPUT_TABS } from '../../../functions/core/contract/tabs.ts';
import { findTab } from '../../../functions/core/contract/tab-lookup.ts';
import { writeWorkbookXlsx } from '../../../scripts/write-workbook.ts';
import { EXAMPLE, karnameh, scratch } from '../../support/cli-harness.ts';

type Box = Awaited<ReturnType<typeof scratch>>;
let box: Box;
let example: RawWorkbook;
beforeEach(async () => {
  box = await scratch();
  example = await createXlsxStore(EXAMPLE).read();
});
afterEach(async () => {
  await box.cleanup();
});

const BIN = new URL('../../../bin/karnameh.js', import.meta.url).pathname;
const exec = promisify(execFile);

/** The real command in a child process: exit code and both streams. */
async function spawnKarnameh(args: string[]) {
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function variant(name: string, change: (wb: RawWorkbook) => RawWorkbook): Promise<string> {
  const path = join(box.dir, `${name}.xlsx`);
  await writeWorkbookXlsx(change(structuredClone(example)), path);
  return path;
}

const scoresOf = (wb: RawWorkbook) => {
  const tab = findTab(wb, 'scores');
  if (!tab) throw new Error('no scores tab');
  return tab;
};

describe('bad input gives problems and exit 1, never a stack trace', () => {
  it.each([
    [
      'a missing tab',
      (wb: RawWorkbook) => ({ tabs: wb.tabs.filter((t) => t.name !== 'سطوح') }),
      'tab.missing',
    ],
    [
      'a missing column',
      (wb: RawWorkbook) => {
        const agencies = findTab(wb, 'agencies');
        if (agencies) agencies.rows = agencies.rows.map((row) => row.filter((_, i) => i !== 2));
        return wb;
      },
      'header.missing',
    ],
    [
      'garbage in every cell',
      (wb: RawWorkbook) => ({
        tabs: wb.tabs.map((t) => ({
          name: t.name,
          rows: t.rows.map((row, r) => (r === 0 ? row : row.map((): CellValue => '؟؟ xx ##'))),
        })),
      }),
      'settings.invalid',
    ],
  ])('%s', async (name, change, code) => {
    const path = await variant(name.replace(/ /g, '-'), change);
    for (const command of [['check'], ['run', '--month', '1403-04', '--outbox', box.outbox]]) {
      const result = await spawnKarnameh([...command, '--workbook', path, '--json']);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      const summary = JSON.parse(result.stdout) as { problems: { code: string }[] };
      expect(summary.problems.map((p) => p.code)).toContain(code);
    }
    const written = await createXlsxStore(path).read();
    const problems = findTab(written, 'problems');
    expect(problems?.rows.slice(1).map((row) => row[1])).toContain(code);
  });

  it('says which file is missing, with exit 3', async () => {
    const result = await spawnKarnameh(['check', '--workbook', join(box.dir, 'nope.xlsx')]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('nope.xlsx');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [['fly']],
    [['run', '--month', '1403-13', '--workbook', 'x.xlsx']],
    [['run', '--bogus']],
    [['run']],
  ])('refuses the command line %j with exit 2 and the usage', async (args) => {
    const result = await karnameh(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage:');
  });
});

describe('the summary does not depend on the order of the rows', () => {
  it('gives the same figures with the score rows reversed, and ignores a later duplicate', async () => {
    const reversed = await variant('reversed', (wb) => {
      const scores = scoresOf(wb);
      const [header = [], ...rows] = scores.rows;
      const tir = rows.find((row) => row[1] === 'd004');
      scores.rows = [header, ...rows.reverse(), [...(tir ?? []).map((c, i) => (i > 1 ? 0 : c))]];
      return wb;
    });
    const args = ['--month', '1403-04', '--dry-run', '--json', '--outbox', box.outbox];
    const plain = await karnameh(['run', '--workbook', EXAMPLE, ...args]);
    const shuffled = await karnameh(['run', '--workbook', reversed, ...args]);
    expect(shuffled.code, shuffled.stderr).toBe(0);
    expect(shuffled.summary().groups).toEqual(plain.summary().groups);
    const duplicates = shuffled.summary().problems.filter((p) => p.code === 'score.duplicate');
    expect(duplicates).toHaveLength(1);
  });
});

describe('an incomplete month', () => {
  it('is not sent without --allow-incomplete, and names who is missing', async () => {
    const path = await variant('incomplete', (wb) => {
      const scores = scoresOf(wb);
      const row = scores.rows.find((r) => r[1] === 'd010' && String(r[0]).includes('04'));
      if (row) row[5] = null;
      return wb;
    });
    const blocked = await karnameh([
      'run',
      '--workbook',
      path,
      '--month',
      '1403-04',
      '--outbox',
      box.outbox,
      '--json',
    ]);
    expect(blocked.code).toBe(1);
    expect(blocked.summary().status).toBe('blocked');
    const missing = blocked.summary().groups[0]?.notEvaluated;
    expect(missing).toEqual([expect.objectContaining({ id: 'd010', reason: 'score.missing' })]);
    expect(blocked.stderr).toContain('--allow-incomplete');

    const sent = await karnameh([
      'run',
      '--workbook',
      path,
      '--month',
      '1403-04',
      '--outbox',
      box.outbox,
      '--allow-incomplete',
    ]);
    expect(sent.code, sent.stderr).toBe(0);
    const after = await createXlsxStore(path).read();
    expect(INPUT_TABS.map((k) => findTab(after, k)?.rows.length)).toEqual(
      INPUT_TABS.map((k) => findTab(example, k)?.rows.length),
    );
  });
});
