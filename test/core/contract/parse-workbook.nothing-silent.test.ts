/**
 * Issue 8, "Nothing silent": every defect in the definitions is reported at its cell, an
 * agency that cannot be placed is counted, and every problem code of docs/workbook.md#problems is
 * produced by some input.
 */
import { describe, expect, it } from 'vitest';
import type { RawWorkbook } from '../../../functions/core/contract/cells.ts';
import { computeSummary, NO_GROUP } from '../../../functions/core/figures/compute-summary.ts';
import { pluralOfGroup } from '../../../functions/core/contract/group-names.ts';
import { PROBLEM_CODES, type ProblemCode } from '../../../functions/core/contract/problems.ts';
import { decideRun, definitionErrors } from '../../../functions/core/runs/run-gate.ts';
import { readRunsLog, runsRows } from '../../../functions/core/contract/runs-log.ts';
import { inputHash } from '../../../functions/core/runs/input-hash.ts';
import { findTab } from '../../../functions/core/contract/tab-lookup.ts';
import {
  editCell,
  fromTabs,
  sampleTabs,
  sampleWorkbook,
  SAMPLE_MONTH,
  withoutTab,
  withRows,
  type Rows,
} from '../../support/raw-workbooks.ts';
import { expectPersian, parse, where } from '../../support/parse-helpers.ts';

const AGENCIES = 'دستگاه‌ها';
const SCORES = 'امتیازها';
const INDICATORS = 'شاخص‌ها';

/** The sample with some tabs' rows changed in place. */
function edited(change: (tabs: Record<string, Rows>) => void): RawWorkbook {
  const tabs = sampleTabs();
  change(tabs);
  return fromTabs(tabs);
}

/** The sample with one more tab. */
function plusTab(name: string, rows: Rows): RawWorkbook {
  return { tabs: [...sampleWorkbook().tabs, { name, rows }] };
}

/**
 * A Sheet whose settings tab carries the product's mark under another title, beside an
 * unmarked tab named «تنظیمات» that a person added.
 */
function markedBesideLookAlike(): RawWorkbook {
  const tabs = sampleWorkbook().tabs.map((tab) =>
    tab.name === 'تنظیمات' ? { ...tab, name: 'پیکربندی', mark: 'settings' } : tab,
  );
  return {
    tabs: [
      ...tabs,
      {
        name: 'تنظیمات',
        rows: [
          ['کلید', 'مقدار'],
          ['استان', 'تهران'],
        ],
      },
    ],
  };
}

/** One input per problem code that the parse reports, and where it must be reported. */
const PRODUCERS: [ProblemCode, RawWorkbook, string][] = [
  ['tab.missing', withoutTab(SCORES), ''],
  ['header.missing', sampleWorkbook({ [AGENCIES]: [['شناسه', 'نام']] }), `${AGENCIES}!1:1`],
  ['settings.invalid', editCell('تنظیمات', 4, 1, 'تصادفی'), 'تنظیمات!B5'],
  [
    'indicator.duplicate',
    withRows(INDICATORS, ['ش۱', 'دوباره', 'نوآوری', 5, 1]),
    `${INDICATORS}!A6`,
  ],
  ['indicator.invalid', editCell(INDICATORS, 1, 3, 0), `${INDICATORS}!D2`],
  ['band.invalid', editCell('سطوح', 1, 1, 5), 'سطوح!B2'],
  [
    'agency.duplicate',
    withRows(AGENCIES, ['a01', 'دوباره', 'فرمانداری', '', '']),
    `${AGENCIES}!A7`,
  ],
  ['agency.invalid', editCell(AGENCIES, 2, 2, null), `${AGENCIES}!C3`],
  [
    'group.invalid',
    plusTab('گروه‌ها', [
      ['نام', 'عنوان جمع'],
      ['شهرداری', 'شهرداری‌ها'],
    ]),
    'گروه‌ها!A2',
  ],
  ['score.month_invalid', editCell(SCORES, 2, 0, '1403-13'), `${SCORES}!A3`],
  ['score.agency_unknown', editCell(SCORES, 2, 1, 'z99'), `${SCORES}!B3`],
  ['score.duplicate', withRows(SCORES, ['1403-04', 'a01', 1, 1, 1, 1, '']), `${SCORES}!7:7`],
  ['score.not_number', editCell(SCORES, 2, 2, '۱۵/'), `${SCORES}!C3`],
  ['score.out_of_range', editCell(SCORES, 2, 2, 11), `${SCORES}!C3`],
  ['score.missing', editCell(SCORES, 2, 3, null), `${SCORES}!D3`],
  ['score.formula', editCell(SCORES, 2, 4, '#DIV/0!'), `${SCORES}!E3`],
  ['agency.no_submission', editCell(SCORES, 5, 1, 'a01'), `${AGENCIES}!A6`],
  ['recipient.invalid', editCell('گیرندگان', 1, 0, 'news@'), 'گیرندگان!A2'],
  ['recipient.none', sampleWorkbook({ گیرندگان: [['ایمیل']] }), 'گیرندگان!A2'],
  ['tab.duplicate', plusTab('settings', [['key', 'value']]), 'settings!'],
  ['tab.unmarked', markedBesideLookAlike(), 'تنظیمات!'],
  ['header.duplicate', editCell(SCORES, 0, 6, 'ش۲'), `${SCORES}!G1`],
  [
    'score.changed_after_close',
    plusTab('بایگانی', [
      ['ماه', 'دستگاه', 'ش۱', 'ش۲', 'ش۳', 'ش۴', 'توضیحات', 'زمان بستن'],
      ['1403-04', 'a01', 8, 7, 10, 5, 'کامل', '2024-07-22T20:30:00.000Z'],
    ]),
    `${SCORES}!D3`,
  ],
  ['agency.email_invalid', editCell(AGENCIES, 2, 4, 'pr@'), `${AGENCIES}!E3`],
  ['agency.email_shared', editCell(AGENCIES, 2, 4, 'pr@barq.example.ir'), `${AGENCIES}!E3`],
  ['cell.control_character', editCell(AGENCIES, 2, 1, 'اداره کل\r\nبهزیستی'), `${AGENCIES}!B3`],
  [
    'score.agency_mismatch',
    edited((tabs) => {
      tabs[SCORES]?.[0]?.push('نام دستگاه');
      tabs[SCORES]?.[2]?.push('فرمانداری بدره');
    }),
    `${SCORES}!H3`,
  ],
  [
    'score.merged',
    {
      tabs: sampleWorkbook().tabs.map((tab) =>
        tab.name === SCORES
          ? { ...tab, merges: [{ startRow: 2, endRow: 4, startColumn: 2, endColumn: 3 }] }
          : tab,
      ),
    },
    `${SCORES}!C4`,
  ],
];

describe('every problem code of docs/workbook.md#problems is produced at its place', () => {
  it.each(PRODUCERS)('%s', (code, workbook, place) => {
    const result = parse(workbook);
    const found = result.problems.filter((p) => p.code === code);
    expect(found.length, JSON.stringify(where(result))).toBeGreaterThan(0);
    if (place !== '') expect(where(result)).toContain(`${code} ${place}`);
    for (const p of found) {
      expect(p.tab).not.toBe('');
      expectPersian(p.message.replace(/[a-z_.@-]+/gi, ''));
    }
  });

  it('covers the whole list (run.data_changed comes from the run gate, below; month.future from the month rule of the entry points)', () => {
    const covered = new Set<string>([
      ...PRODUCERS.map(([code]) => code),
      'run.data_changed',
      'month.future',
    ]);
    expect(PROBLEM_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });
});

describe('tabs found by what they are, not by their titles', () => {
  const runsHeader = runsRows([])[0] ?? [];
  it('a marked tab is read whatever its title; the unmarked look-alike is ignored, with a warning', () => {
    const result = parse(markedBesideLookAlike());
    expect(result.model.settings.province).not.toBe('تهران');
    const warning = result.problems.find((p) => p.code === 'tab.unmarked');
    expect(warning).toMatchObject({ severity: 'warning', tab: 'تنظیمات' });
    expect(warning?.message).toContain('پیکربندی');
    expect(definitionErrors(result.problems)).toEqual([]);
  });

  it('the runs tab is the one whose row 1 is its header, whatever its title', () => {
    const workbook = plusTab('سوابق ارسال', [runsHeader, ['r-1', '1403-04', '', 'run', 'sent']]);
    workbook.tabs.push({ name: 'اجراها', rows: [] });
    expect(findTab(workbook, 'runs')?.name).toBe('سوابق ارسال');
    expect(parse(workbook).problems.filter((p) => p.code === 'tab.duplicate')).toEqual([]);
  });

  it('two tabs with the runs header stop the run, both named', () => {
    const workbook = plusTab('اجراها', [runsHeader]);
    workbook.tabs.push({ name: 'اجراهای قدیم', rows: [runsHeader] });
    const duplicate = parse(workbook).problems.filter((p) => p.code === 'tab.duplicate');
    expect(duplicate).toHaveLength(1);
    expect(duplicate[0]?.tab).toBe('اجراهای قدیم');
    expect(duplicate[0]?.message).toContain('«اجراها»');
    expect(definitionErrors(duplicate)).toHaveLength(1);
  });
});

describe('structure: two tabs or two columns for one key', () => {
  it('«settings» beside «تنظیمات» is tab.duplicate; the first is read', () => {
    const result = parse(
      plusTab('Settings', [
        ['key', 'value'],
        ['province', 'تهران'],
      ]),
    );
    expect(where(result)).toEqual(['tab.duplicate Settings!']);
    expect(result.model.settings.province).toBe('ایلام');
    expect(result.problems[0]?.message).toContain('«تنظیمات»');
  });

  it('a second score column headed with the same indicator code is header.duplicate', () => {
    const workbook = edited((tabs) => {
      for (const [i, row] of (tabs[SCORES] ?? []).entries()) row.push(i === 0 ? 'ش ۱' : 0);
    });
    const result = parse(workbook);
    expect(where(result)).toEqual([`header.duplicate ${SCORES}!H1`]);
    expect(result.problems[0]?.message).toContain('C1');
    expect(
      result.model.scores.find((r) => r.agencyId === 'a01' && r.month === '1403-04')?.values['ش۱'],
    ).toBe(8);
  });

  it('two «گروه» columns in the agencies tab are header.duplicate', () => {
    const workbook = edited((tabs) => {
      for (const [i, row] of (tabs[AGENCIES] ?? []).entries()) row.push(i === 0 ? 'group' : 'x');
    });
    expect(where(parse(workbook))).toEqual([`header.duplicate ${AGENCIES}!F1`]);
  });
});

describe('definition errors are errors, and the gate stops on them', () => {
  it.each<[string, RawWorkbook, string]>([
    [
      'an indicator with max 0',
      editCell(INDICATORS, 2, 3, 0),
      `indicator.invalid ${INDICATORS}!D3`,
    ],
    ['a negative weight', editCell(INDICATORS, 2, 4, -1), `indicator.invalid ${INDICATORS}!E3`],
    ['a duplicated code', editCell(INDICATORS, 2, 0, 'ش۱'), `indicator.duplicate ${INDICATORS}!A3`],
    ['a blank group', editCell(AGENCIES, 1, 2, ''), `agency.invalid ${AGENCIES}!C2`],
    ['a duplicated id', editCell(AGENCIES, 2, 0, 'a01'), `agency.duplicate ${AGENCIES}!A3`],
  ])('%s', (_what, workbook, place) => {
    const result = parse(workbook);
    expect(where(result)).toContain(place);
    expect(definitionErrors(result.problems).length).toBeGreaterThan(0);
    const summary = computeSummary(result.model, result.problems, SAMPLE_MONTH, 'checked');
    const gate = decideRun({
      month: SAMPLE_MONTH,
      fatal: result.fatal,
      problems: result.problems,
      summary,
      recipients: result.model.recipients.length,
      runsTab: undefined,
      runs: [],
      contentHash: '00000000000000d1',
      options: { allowIncomplete: true, force: true },
    });
    expect(gate).toMatchObject({ kind: 'blocked', reason: 'definition' });
    expect(gate.kind === 'blocked' && gate.message).toContain(place.split(' ')[1]);
  });
});

describe('an agency that cannot be placed is counted, never dropped', () => {
  it('a blank group: not evaluated under «بدون گروه», with agency.invalid', () => {
    const result = parse(editCell(AGENCIES, 1, 2, null));
    const summary = computeSummary(result.model, result.problems, SAMPLE_MONTH, 'checked');
    const none = summary.groups.find((g) => g.name === NO_GROUP);
    expect(none?.notEvaluated).toEqual([
      { id: 'a01', name: 'اداره کل برق', reason: 'agency.invalid' },
    ]);
    expect(none?.evaluated).toBe(0);
  });

  it('a duplicated id: the later row is not evaluated in its group, with agency.duplicate', () => {
    const result = parse(withRows(AGENCIES, ['f01', 'فرمانداری مهران', 'فرمانداری', '', '']));
    const summary = computeSummary(result.model, result.problems, SAMPLE_MONTH, 'checked');
    const group = summary.groups.find((g) => g.name === 'فرمانداری');
    expect(group?.notEvaluated).toEqual([
      { id: 'f01', name: 'فرمانداری مهران', reason: 'agency.duplicate' },
    ]);
    expect(group?.evaluated).toBe(2);
  });

  it('an inactive row that cannot be placed stays out, as inactive agencies do', () => {
    const result = parse(withRows(AGENCIES, ['a09', 'اداره کل قدیم', '', 'خیر', '']));
    expect(result.model.unplaced).toEqual([]);
  });
});

describe('score cells', () => {
  it('a formula with no computed value is score.formula, not «not yet filled in»', () => {
    const workbook = editCell(SCORES, 2, 3, null);
    const scores = workbook.tabs.find((t) => t.name === SCORES);
    if (scores) scores.uncomputed = [[2, 3]];
    const result = parse(workbook);
    expect(where(result)).toEqual([`score.formula ${SCORES}!D3`]);
    expect(result.problems[0]?.message).toContain('مقداری ندارد');
    const summary = computeSummary(result.model, result.problems, SAMPLE_MONTH, 'checked');
    const a01 = summary.groups.flatMap((g) => g.notEvaluated).find((a) => a.id === 'a01');
    expect(a01?.reason).toBe('score.formula');
  });

  it.each(['#REF!', '#N/A', ' #VALUE! ', '#NAME?'])(
    'the error value %j is score.formula',
    (value) => {
      expect(where(parse(editCell(SCORES, 2, 2, value)))).toEqual([`score.formula ${SCORES}!C3`]);
    },
  );

  it.each(['۱۵/', '15.', '۱۵٫', '3/'])('%j (a trailing separator) is score.not_number', (value) => {
    expect(where(parse(editCell(SCORES, 2, 2, value)))).toEqual([`score.not_number ${SCORES}!C3`]);
  });
});

describe('the groups tab', () => {
  const groups = (rows: Rows) => parse(plusTab('گروه‌ها', [['نام', 'عنوان جمع'], ...rows]));

  it('gives plurals and the order of groups; unlisted groups get the rule', () => {
    const result = groups([['فرمانداری', 'فرمانداری‌های استان']]);
    expect(result.problems).toEqual([]);
    expect(result.model.groups).toEqual(['فرمانداری', 'دستگاه اجرایی']);
    expect(result.model.groupPlurals).toEqual({
      فرمانداری: 'فرمانداری‌های استان',
      'دستگاه اجرایی': 'دستگاه‌های اجرایی',
    });
  });

  it('without the tab, every group has its plural by rule, in order of first appearance', () => {
    const result = parse(sampleWorkbook());
    expect(result.model.groups).toEqual(['دستگاه اجرایی', 'فرمانداری']);
    expect(result.model.groupPlurals).toEqual({
      'دستگاه اجرایی': 'دستگاه‌های اجرایی',
      فرمانداری: 'فرمانداری‌ها',
    });
  });

  it('a name written another way (spaces, Arabic yeh) still matches; a blank plural takes the rule', () => {
    const result = groups([['فرمانداري ', '']]);
    expect(result.problems).toEqual([]);
    expect(result.model.groups[0]).toBe('فرمانداری');
    expect(result.model.groupPlurals['فرمانداری']).toBe('فرمانداری‌ها');
  });

  it.each<[string, Rows, string[]]>([
    ['an empty name', [['', 'چیزها']], ['group.invalid گروه‌ها!A2']],
    [
      'a name twice',
      [
        ['فرمانداری', 'الف'],
        ['فرمانداری', 'ب'],
      ],
      ['group.invalid گروه‌ها!A3'],
    ],
    ['a name no agency has', [['شهرداری', 'شهرداری‌ها']], ['group.invalid گروه‌ها!A2']],
  ])('%s is group.invalid at its cell', (_what, rows, expected) => {
    const result = groups(rows);
    expect(where(result)).toEqual(expected);
    expect(definitionErrors(result.problems)).toHaveLength(1);
  });
});

describe('pluralOfGroup (docs/workbook.md#groups)', () => {
  it.each([
    ['فرمانداری', 'فرمانداری‌ها'],
    ['شهرداری', 'شهرداری‌ها'],
    ['دستگاه اجرایی', 'دستگاه‌های اجرایی'],
    ['شرکت آب و فاضلاب', 'شرکت‌های آب و فاضلاب'],
    ['  دستگاه   اجرایی ', 'دستگاه‌های اجرایی'],
    ['فرمانداری\u200c', 'فرمانداری‌ها'],
    ['', ''],
  ])('%j -> %j', (name, plural) => {
    expect(pluralOfGroup(name)).toBe(plural);
    expect(pluralOfGroup(name)).not.toMatch(/ ها/);
  });
});

describe('the run gate (docs/workbook.md#what-stops-a-run)', () => {
  const result = parse(editCell(SCORES, 3, 2, null));
  const summary = computeSummary(result.model, result.problems, SAMPLE_MONTH, 'checked');
  const sentLog = runsRows([
    {
      runId: 'r-1',
      month: SAMPLE_MONTH,
      at: '2024-07-25T08:00:00.000Z',
      kind: 'run',
      status: 'sent',
      recipient: '',
      requestedBy: 'cli',
      contentHash: 'aaaaaaaaaaaaaaaa',
      detail: '',
    },
  ]);
  const runsTab = { name: 'اجراها', rows: sentLog };
  const gate = (over: Partial<Parameters<typeof decideRun>[0]> = {}) =>
    decideRun({
      month: SAMPLE_MONTH,
      fatal: false,
      problems: result.problems,
      summary,
      recipients: 2,
      runsTab: undefined,
      runs: [],
      contentHash: 'aaaaaaaaaaaaaaaa',
      options: {},
      ...over,
    });

  it('an incomplete month is blocked without allowIncomplete, and passes with it', () => {
    expect(gate()).toMatchObject({ kind: 'blocked', reason: 'incomplete' });
    // one agency short: said in the singular
    expect(gate()).toMatchObject({
      message: expect.stringMatching(/^1 agency is not evaluated in /),
    });
    expect(gate({ options: { allowIncomplete: true } })).toEqual({ kind: 'proceed', warnings: [] });
  });

  it('no recipient blocks, except for a test copy', () => {
    const options = { allowIncomplete: true };
    expect(gate({ recipients: 0, options })).toMatchObject({
      kind: 'blocked',
      reason: 'no-recipients',
    });
    expect(gate({ recipients: 0, options: { ...options, testTo: 'me@example.org' } }).kind).toBe(
      'proceed',
    );
  });

  it('a sent month whose content hash changed: run.data_changed at the digest cell, both hashes named', () => {
    const runs = readRunsLog(runsTab);
    const changed = gate({
      runs,
      runsTab,
      contentHash: 'bbbbbbbbbbbbbbbb',
      notReached: ['late@example.org'],
      options: { allowIncomplete: true },
    });
    expect(changed.kind).toBe('data-changed');
    expect(changed.warnings).toHaveLength(1);
    const warning = changed.warnings[0];
    expect(warning).toMatchObject({
      code: 'run.data_changed',
      severity: 'warning',
      tab: 'اجراها',
      cell: 'H2',
    });
    expect(warning?.message).toContain('aaaaaaaaaaaaaaaa');
    expect(warning?.message).toContain('bbbbbbbbbbbbbbbb');
    // Who is still waiting is named, since nothing goes to them either.
    expect(changed.kind === 'data-changed' && changed.message).toContain('late@example.org');
    const forced = gate({
      runs,
      runsTab,
      contentHash: 'bbbbbbbbbbbbbbbb',
      options: { allowIncomplete: true, force: true },
    });
    // With force the warning says what this run does: it sends the correction.
    expect(forced).toMatchObject({
      kind: 'proceed',
      warnings: [{ ...warning, message: expect.stringContaining('اصلاحیهٔ خبر را می‌فرستد') }],
    });
    expect(forced.warnings[0]?.message).not.toContain('دوباره فرستاده نمی‌شود');
    const same = gate({ runs, runsTab, options: { allowIncomplete: true } });
    expect(same).toEqual({ kind: 'proceed', warnings: [] });
  });

  it('a row of an earlier version (a 12-character hash of the whole workbook) is unknown, never "changed"', () => {
    const old = runsRows(readRunsLog(runsTab).map((e) => ({ ...e, contentHash: 'aaaaaaaaaaaa' })));
    const oldTab = { name: 'اجراها', rows: old };
    const gated = gate({
      runs: readRunsLog(oldTab),
      runsTab: oldTab,
      contentHash: 'bbbbbbbbbbbbbbbb',
      options: { allowIncomplete: true },
    });
    expect(gated).toEqual({ kind: 'proceed', warnings: [] });
  });

  it('a card sent under another hash: run.data_changed naming it with both hashes; the month proceeds', () => {
    const at = '2024-07-25T08:00:00.000Z';
    const row = { runId: 'r-1', month: SAMPLE_MONTH, at, requestedBy: 'cli', detail: '' };
    const rows = runsRows([
      { ...row, kind: 'run', status: 'sent', recipient: '', contentHash: 'aaaaaaaaaaaaaaaa' },
      {
        ...row,
        kind: 'card',
        status: 'sent',
        recipient: 'a01:a@x.org',
        contentHash: 'cccccccccccccccc',
      },
      {
        ...row,
        kind: 'card',
        status: 'sent',
        recipient: 'a02:b@x.org',
        contentHash: 'dddddddddddd',
      },
    ]);
    const tab = { name: 'اجراها', rows };
    const cardHashes = new Map([
      ['a01:a@x.org', 'eeeeeeeeeeeeeeee'],
      ['a02:b@x.org', 'ffffffffffffffff'],
    ]);
    const gated = gate({
      runs: readRunsLog(tab),
      runsTab: tab,
      cardHashes,
      options: { allowIncomplete: true },
    });
    expect(gated.kind).toBe('proceed');
    expect(gated.warnings).toHaveLength(1);
    expect(gated.warnings[0]).toMatchObject({ code: 'run.data_changed', cell: 'H3' });
    expect(gated.warnings[0]?.message).toContain('a01 (cccccccccccccccc → eeeeeeeeeeeeeeee)');
    // a02's row is an earlier version's: its card's facts then are unknown.
    expect(gated.warnings[0]?.message).not.toContain('a02');
  });
});

describe('the input hash (what run.data_changed compares)', () => {
  it('changes with a score, not with the settings rows the product writes itself', () => {
    const base = inputHash(sampleWorkbook());
    expect(inputHash(editCell(SCORES, 2, 2, 7))).not.toBe(base);
    // run_request cleared and run_status written by the watcher after a run.
    const watched = edited((tabs) => {
      for (const row of tabs['تنظیمات'] ?? []) {
        if (row[0] === 'درخواست اجرا') row[1] = '1403-04';
        if (row[0] === 'وضعیت اجرا') row[1] = 'ارسال شد';
      }
    });
    expect(inputHash(watched)).toBe(base);
    expect(inputHash(editCell('تنظیمات', 1, 1, 'تهران'))).not.toBe(base);
  });
});
