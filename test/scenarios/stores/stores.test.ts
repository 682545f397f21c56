/**
 * One contract, two stores: the same commands on the same workbook content, once in an
 * .xlsx file and once in a Google Sheet (the stand-in), must give the same summaries, the
 * same output tabs, the same releases and the same mail, and leave the input tabs alone.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue, RawWorkbook } from '../../../functions/core/contract/cells.ts';
import { summarySchema } from '../../../functions/core/figures/summary.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-stand-in.ts';
import {
  play,
  storeFactories,
  type Played,
  type Step,
  type StoreFactory,
  type StoreKind,
} from '../../support/contract-stores.ts';
import {
  RISKY_NAMES,
  cardsWorkbook,
  contractWorkbook,
  datedWorkbook,
  fatalWorkbook,
  problemWorkbook,
} from '../../support/contract-workbook.ts';

const KINDS: StoreKind[] = ['xlsx', 'sheets'];
let standIn: SheetsStandIn;
let root: string;
let factories: StoreFactory[] = [];

beforeAll(async () => {
  standIn = await startSheetsStandIn();
  root = await mkdtemp(join(tmpdir(), 'karnameh-contract-'));
  factories = storeFactories(root, () => standIn);
});
afterAll(async () => {
  await standIn?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const factory = (kind: StoreKind): StoreFactory => {
  const found = factories.find((f) => f.kind === kind);
  if (!found) throw new Error(`no ${kind} factory`);
  return found;
};

const run = (
  month: string,
  more: Omit<Extract<Step, { command: 'run' }>['options'], 'month'> = {},
): Step => ({
  command: 'run',
  options: { month, ...more },
});
const check = (month: string): Step => ({ command: 'check', options: { month } });

const monthsOf = (rows: CellValue[][] | null) => [
  ...new Set((rows ?? []).slice(1).map((r) => r[0])),
];
const column = (rows: CellValue[][] | null, index: number) =>
  (rows ?? []).slice(1).map((r) => r[index] ?? null);
/** The runs tab as [run id, kind, status, recipient]. */
const runLines = (p: Played) =>
  (p.outputs.runs ?? []).slice(1).map((r) => [r[0], r[3], r[4], r[5] ?? null]);

interface Scenario {
  name: string;
  content: () => RawWorkbook;
  steps: Step[];
  /** Per step: summary status, exit code, .eml files in the outbox after it. */
  expected: [status: string, exitCode: number, mailed: number][];
  /** What else this scenario must show, for each store. */
  verify: (played: Played) => void;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'a monthly run',
    content: contractWorkbook,
    steps: [run('1403-04')],
    expected: [['sent', 0, 2]],
    verify(p) {
      expect(monthsOf(p.outputs.results)).toEqual(['1403-04']);
      expect(p.outputs.results).toHaveLength(1 + 11); // the inactive agency is left out
      expect(p.outputs.problems).toEqual([['نوع', 'کد', 'برگه', 'خانه', 'شرح']]);
      expect(runLines(p)).toEqual([
        ['r-1', 'run', 'written', null],
        ['r-1', 'release', 'written', 'dabirkhaneh@example.org'],
        ['r-1', 'release', 'written', 'press.desk@example.org'],
      ]);
      // Tied scores share a rank; the names that look like formulas stay text.
      const ranking = p.steps[0]?.summary.groups[0]?.ranking ?? [];
      expect(ranking.map((r) => [r.rank, r.id, r.score])).toEqual([
        [1, 'a06', 62.92],
        [2, 'a03', 61.67],
        [3, 'a08', 49.58],
        [4, 'a05', 48.33],
        [5, 'a04', 47.92],
        [6, 'a01', 44.17],
        [6, 'a02', 44.17],
      ]);
      expect(column(p.outputs.results, 4)).toEqual(expect.arrayContaining([...RISKY_NAMES]));
      expect(p.releases).toHaveLength(1);
    },
  },
  {
    name: 'a check of a workbook with problems',
    content: problemWorkbook,
    steps: [check('1403-04')],
    expected: [['checked', 1, 0]],
    verify(p) {
      expect(column(p.outputs.problems, 1).sort()).toEqual([
        'agency.no_submission',
        'score.agency_unknown',
        'score.duplicate',
        'score.not_number',
        'score.out_of_range',
      ]);
      expect(p.outputs.results).toBeNull();
      expect(p.outputs.runs).toBeNull();
    },
  },
  {
    name: 'a second run of a month already sent',
    content: contractWorkbook,
    steps: [run('1403-04'), run('1403-04')],
    expected: [
      ['sent', 0, 2],
      ['already-sent', 0, 2],
    ],
    verify(p) {
      expect(runLines(p).map((l) => l.slice(0, 3))).toEqual([
        ['r-1', 'run', 'written'],
        ['r-1', 'release', 'written'],
        ['r-1', 'release', 'written'],
        ['r-2', 'run', 'already-sent'],
      ]);
      expect(column(p.outputs.results, 12)).toEqual(Array(11).fill('r-1'));
    },
  },
  {
    name: 'a run with --force after the month was sent',
    content: contractWorkbook,
    steps: [run('1403-04'), run('1403-04', { force: true })],
    expected: [
      ['sent', 0, 2],
      ['sent', 0, 4],
    ],
    verify(p) {
      expect(column(p.outputs.results, 12)).toEqual(Array(11).fill('r-2'));
      // The second run's rows are the correction, the first run's the release.
      expect(runLines(p).filter((l) => l[1] !== 'run')).toEqual([
        ['r-1', 'release', 'written', 'dabirkhaneh@example.org'],
        ['r-1', 'release', 'written', 'press.desk@example.org'],
        ['r-2', 'correction', 'written', 'dabirkhaneh@example.org'],
        ['r-2', 'correction', 'written', 'press.desk@example.org'],
      ]);
      expect(p.releases).toHaveLength(2);
    },
  },
  {
    name: 'a run of another month after Tir',
    content: contractWorkbook,
    steps: [run('1403-04'), run('1403-03')],
    expected: [
      ['sent', 0, 2],
      ['sent', 0, 4],
    ],
    verify(p) {
      expect(monthsOf(p.outputs.results)).toEqual(['1403-03', '1403-04']);
      const runIds = (p.outputs.results ?? []).slice(1).map((r) => `${r[0]} ${r[12]}`);
      expect(new Set(runIds)).toEqual(new Set(['1403-03 r-2', '1403-04 r-1']));
    },
  },
  {
    name: 'runs of a workbook with problems, stopped then --allow-incomplete',
    content: problemWorkbook,
    steps: [run('1403-04'), run('1403-04', { allowIncomplete: true })],
    expected: [
      ['blocked', 1, 0],
      ['sent', 0, 2],
    ],
    verify(p) {
      expect(p.steps[0]?.message).toMatch(/^3 agencies are not evaluated in 1403-04/);
      const statuses = column(p.outputs.results, 11).map(String);
      expect(statuses.filter((s) => s.startsWith('ارزیابی نشد'))).toHaveLength(3);
      expect(runLines(p)[0]).toEqual(['r-1', 'run', 'blocked', null]);
      expect(p.outputs.problems).toHaveLength(6);
    },
  },
  {
    name: 'a run of a workbook that is not a scorecard',
    content: fatalWorkbook,
    steps: [run('1403-04')],
    expected: [['blocked', 1, 0]],
    verify(p) {
      expect(column(p.outputs.problems, 1)).toContain('tab.missing');
      expect(p.outputs.results).toBeNull();
      expect(runLines(p)).toEqual([['r-1', 'run', 'blocked', null]]);
    },
  },
  {
    name: 'a dry run',
    content: contractWorkbook,
    steps: [run('1403-04', { dryRun: true })],
    expected: [['dry-run', 0, 0]],
    verify(p) {
      expect(p.outputs).toEqual({ results: null, problems: null, runs: null });
      expect(p.steps[0]?.previews.sort()).toEqual([
        'infographic.png',
        'infographic.svg',
        'karnameh-1403-04.csv',
        'release.html',
        'release.txt',
      ]);
    },
  },
  {
    name: 'agency cards after the release, exactly once; --force with the same data corrects no card',
    content: cardsWorkbook,
    steps: [run('1403-04'), run('1403-04'), run('1403-04', { force: true })],
    // 2 recipients + 10 cards (active agencies with an address); then nothing; then the
    // release again as a correction and no card (no card changed).
    expected: [
      ['sent', 0, 12],
      ['already-sent', 0, 12],
      ['sent', 0, 14],
    ],
    verify(p) {
      const keys = [...'123456', '8'].map((n) => `a0${n}:pr.a0${n}@example.org`);
      keys[1] = 'a02:pr.a02@example.org';
      const expectedKeys = [
        ...keys,
        ...['g01', 'g02', 'g03'].map((g) => `${g}:pr.${g}@example.org`),
      ];
      expect(p.steps[0]?.cards).toEqual(expectedKeys);
      expect(p.steps[1]?.cards).toEqual([]);
      expect(p.steps[2]?.cards).toEqual([]);
      const cardRows = (p.outputs.runs ?? []).filter((r) => r[3] === 'card');
      expect(cardRows.map((r) => [r[5], r[4]])).toEqual(expectedKeys.map((k) => [k, 'written']));
      for (const row of cardRows) {
        expect(row[7]).toMatch(/^[0-9a-f]{16}$/);
        expect(row[8]).toBe('<message-id>');
      }
      expect(p.cards).toHaveLength(10); // rendered only when sent
      expect(p.cards[0]?.text).toContain('اداره کل راهداری و حمل و نقل جاده‌ای');
    },
  },
  {
    name: 'a monthly run where Tir is a date cell',
    content: datedWorkbook,
    steps: [run('1403-04')],
    expected: [['sent', 0, 2]],
    verify(p) {
      expect(monthsOf(p.outputs.results)).toEqual(['1403-04']);
      expect(p.outputs.results).toHaveLength(12);
    },
  },
];

describe.each(SCENARIOS)('$name', (scenario) => {
  const played = new Map<StoreKind, Played>();

  beforeAll(async () => {
    for (const kind of KINDS) {
      played.set(kind, await play(factory(kind), scenario.content(), scenario.steps));
    }
  });

  const get = (kind: StoreKind): Played => {
    const p = played.get(kind);
    if (!p) throw new Error(`${kind} was not played`);
    return p;
  };

  it.each(KINDS)('through the %s store: statuses, exit codes, mail, inputs untouched', (kind) => {
    const p = get(kind);
    expect(p.steps.map((s) => [s.summary.status, s.exitCode, s.mailed])).toEqual(scenario.expected);
    for (const step of p.steps) expect(summarySchema.parse(step.summary)).toEqual(step.summary);
    expect(p.inputsAfter).toEqual(p.inputsBefore);
    // Every runs row carries the content hash of what it sent: a card row its card's, any
    // other row its run's release's (the input tabs' hash when nothing was computed).
    const hashes = new Set([p.inputHash, ...p.steps.map((s) => s.summary.contentHash)]);
    for (const row of (p.outputs.runs ?? []).slice(1)) {
      if (row[3] === 'card') expect(row[7]).toMatch(/^[0-9a-f]{16}$/);
      else expect(hashes).toContain(row[7]);
    }
    scenario.verify(p);
  });

  it('gives the same summaries, output tabs, releases and mail through both stores', () => {
    const [xlsx, sheets] = KINDS.map(get);
    expect(sheets?.steps).toEqual(xlsx?.steps);
    expect(sheets?.outputs).toEqual(xlsx?.outputs);
    expect(sheets?.releases).toEqual(xlsx?.releases);
    expect(sheets?.cards).toEqual(xlsx?.cards);
    expect(get('sheets').inputHash).toBe(get('xlsx').inputHash);
  });
});
