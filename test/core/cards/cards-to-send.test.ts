import { describe, expect, it } from 'vitest';
import { agencyCardsOn } from '../../../functions/core/cards/cards-to-send.ts';
import { cardMail } from '../../../functions/use-cases/card-mail.ts';
import { parseWorkbook } from '../../../functions/core/contract/parse-workbook.ts';
import { fromTabs, sampleTabs } from '../../support/raw-workbooks.ts';
import {
  AGENCY_ROWS,
  cardRun,
  SCORE_40,
  settingsWith,
  TIR_SCORES,
} from '../../support/card-fixtures.ts';

const noEmails = AGENCY_ROWS.map((row, i) => (i === 0 ? row : [...row.slice(0, 4), '']));

describe('which cards a run sends', () => {
  it('one per active agency with an email, in the order of the agencies tab', () => {
    const run = cardRun();
    expect(run.cards.map((c) => [c.agencyId, c.email, c.name])).toEqual([
      ['a01', 'pr.barq@example.org', 'اداره کل برق'],
      ['a02', 'pr.behzisti@example.org', 'اداره کل بهزیستی'],
      ['a03', 'pr.rahdari@example.org', 'اداره کل راهداری'],
      ['a04', 'pr.gaz@example.org', 'اداره کل گاز'],
      ['f01', 'pr.badreh@example.org', 'فرمانداری بدره'],
    ]);
    expect(run.cards.every((c) => !c.view.correction && !c.view.testCopy)).toBe(true);
  });

  it('none for an inactive agency or one without an email', () => {
    const rows = AGENCY_ROWS.map((row) =>
      row[0] === 'a02'
        ? [...row.slice(0, 3), 'خیر', row[4] ?? null]
        : row[0] === 'a03'
          ? [...row.slice(0, 4), '']
          : row,
    );
    const ids = cardRun({ دستگاه‌ها: rows }).cards.map((c) => c.agencyId);
    expect(ids).toEqual(['a01', 'a04', 'f01']);
  });

  it('none when agency_cards (کارنامه دستگاه‌ها) says no', () => {
    for (const no of ['خیر', 'no', 'FALSE', 0]) {
      const run = cardRun({ تنظیمات: settingsWith(['کارنامه دستگاه‌ها', no]) });
      expect(run.cards).toEqual([]);
    }
    const run = cardRun({ تنظیمات: settingsWith(['agency_cards', 'بله']) });
    expect(run.cards).toHaveLength(5);
  });

  it('defaults to yes when any active agency has an email, else no', () => {
    const parse = (agencies = AGENCY_ROWS) =>
      parseWorkbook(fromTabs({ ...sampleTabs(), دستگاه‌ها: agencies }), { month: '1403-04' });
    expect(parse().model.settings.agencyCards).toBeNull();
    expect(agencyCardsOn(parse().model)).toBe(true);
    expect(agencyCardsOn(parse(noEmails).model)).toBe(false);
    expect(cardRun({ دستگاه‌ها: noEmails }).cards).toEqual([]);
  });

  it('reports a value that is not yes or no as a settings.invalid warning at its cell, and turns the cards off', () => {
    const tabs = { ...sampleTabs(), تنظیمات: settingsWith(['کارنامه دستگاه‌ها', 'شاید']) };
    const parsed = parseWorkbook(fromTabs(tabs), { month: '1403-04' });
    const problem = parsed.problems.find((p) => p.code === 'settings.invalid');
    expect(problem).toMatchObject({ tab: 'تنظیمات', cell: 'B11', severity: 'warning' });
    expect(problem?.message).toContain('«شاید»');
    expect(parsed.model.settings.agencyCards).toBe(false);
    expect(agencyCardsOn(parsed.model)).toBe(false);
  });
});

describe('the content hash of a card', () => {
  it('is the same for the same content whatever the run id, time, content hash of the run or correction mark', () => {
    const first = cardRun();
    const again = cardRun({}, '1403-04', {
      runId: 'r-other',
      contentHash: 'ffffffffffff',
      computedAt: new Date('2025-01-01T00:00:00Z'),
      correction: true,
    });
    expect(again.cards.map((c) => c.contentHash)).toEqual(first.cards.map((c) => c.contentHash));
    expect(new Set(first.cards.map((c) => c.contentHash)).size).toBe(first.cards.length);
    expect(first.cards[0]?.contentHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes for exactly the cards whose content changed', () => {
    const first = cardRun();
    // f01 (alone in its group) gets another score: only its card changes.
    const changed = cardRun({
      امتیازها: TIR_SCORES.map((r) =>
        r[0] === '1403-04' && r[1] === 'f01' ? [...r.slice(0, 2), ...SCORE_40] : r,
      ),
    });
    const hashes = (run: typeof first) =>
      new Map(run.cards.map((c) => [c.agencyId, c.contentHash]));
    const before = hashes(first);
    const after = hashes(changed);
    const differing = [...before.keys()].filter((id) => before.get(id) !== after.get(id));
    expect(differing).toEqual(['f01']);
  });
});

describe('the mail of a card', () => {
  it('goes to the agency’s office alone, with the rendered parts and no attachment', () => {
    const run = cardRun();
    const card = run.byId.get('a02');
    const rendered = run.rendered.get('a02');
    if (!card || !rendered) throw new Error('no card for a02');
    expect(cardMail(card, rendered)).toEqual({
      to: { email: 'pr.behzisti@example.org', name: 'روابط‌عمومی اداره کل بهزیستی' },
      subject: 'کارنامه روابط‌عمومی اداره کل بهزیستی — تیر ۱۴۰۳',
      html: rendered.html,
      text: rendered.text,
      attachments: [],
      // Traced by headers, not by text the office reads.
      headers: {
        'X-Karnameh-Run': 'r-20240725-081530-3fa2',
        'X-Karnameh-Digest': card.contentHash,
      },
    });
    for (const part of [rendered.text, rendered.html]) {
      expect(part).not.toContain('r-20240725-081530-3fa2');
      expect(part).not.toContain('3fa2c0ffee11');
      expect(part).not.toMatch(/شناسه اجرا|چکیده داده‌ها|برای دبیرخانه|ویژه دبیرخانه/);
    }
  });
});
