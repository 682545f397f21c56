// The editor's rules for cards (editor-review-2.md §3), run over every card of the example's four months.
import { beforeAll, describe, expect, it } from 'vitest';
import { createCardRenderer } from '../../../functions/adapters/mail/render-card.ts';
import type { RawWorkbook } from '../../../functions/core/contract/cells.ts';
import { cardsToSend, type CardToSend } from '../../../functions/core/cards/cards-to-send.ts';
import { computeMonth, computeResults } from '../../../functions/core/figures/compute-summary.ts';
import { previousMonth } from '../../../functions/core/language/jalali.ts';
import type { Model } from '../../../functions/core/contract/model.ts';
import { parseWorkbook } from '../../../functions/core/contract/parse-workbook.ts';
import type { RenderedCard } from '../../../functions/ports.ts';
import { exampleWorkbook } from '../../support/functions-harness.ts';
import { tabOf } from '../../support/reminder-fixtures.ts';
import {
  arrowsWithWords,
  indicatorUnits,
  internalText,
  placeRule,
  plain,
  salutation,
  signature,
  tiesRule,
  trailingZeros,
} from '../../support/editor-rules/cards.ts';

const MONTHS = ['1403-01', '1403-02', '1403-03', '1403-04'] as const;
const RUN_ID = 'r-20240725-081530-3fa2';
const DIGEST = '3fa2c0ffee11';
const SECRETARIAT = 'دبیرخانه شورای هماهنگی روابط‌عمومی‌های استان ایلام';
const CONTACT = '۰۸۴-۳۳۳۳۰۰۰۰';

interface MonthCards {
  model: Model;
  cards: CardToSend[];
  rendered: Map<string, RenderedCard>;
}

const render = createCardRenderer();

function cardsOf(raw: RawWorkbook, month: string): MonthCards {
  const parsed = parseWorkbook(raw, { month });
  const computed = computeResults(parsed.model, parsed.problems, month, 'dry-run');
  const cards = cardsToSend({
    model: parsed.model,
    problems: parsed.problems,
    computed,
    runId: RUN_ID,
    contentHash: DIGEST,
    computedAt: new Date('2024-08-05T08:00:00Z'),
    correction: false,
  });
  return {
    model: parsed.model,
    cards,
    rendered: new Map(cards.map((c) => [c.agencyId, render(c.view)])),
  };
}

const scoresMemo = new Map<string, ReturnType<typeof computeScores>>();
function scoresOf(model: Model, month: string) {
  const key = `${model.settings.province} ${month} ${months.size}`;
  const known = scoresMemo.get(key) ?? computeScores(model, month);
  scoresMemo.set(key, known);
  return known;
}

/** Each agency's score and its group's scores in a month, computed here from the model. */
function computeScores(model: Model, month: string) {
  const result = computeMonth(model, month);
  const byGroup = new Map<string, number[]>();
  const own = new Map<string, { score: number; group: string }>();
  for (const a of result.agencies) {
    if (!a.evaluated) continue;
    byGroup.set(a.group, [...(byGroup.get(a.group) ?? []), a.score]);
    own.set(a.id, { score: a.score, group: a.group });
  }
  return (id: string) => {
    const mine = own.get(id);
    return mine ? { score: mine.score, scores: byGroup.get(mine.group) ?? [] } : null;
  };
}

const months = new Map<string, MonthCards>();

beforeAll(async () => {
  const raw = await exampleWorkbook();
  tabOf(raw, 'settings').rows.push(['دبیرخانه', SECRETARIAT], ['راه تماس', CONTACT]);
  for (const month of MONTHS) months.set(month, cardsOf(raw, month));
});

/** Every breach of `rule` over every card of the four months, as `month id: breach`. */
function breaches(rule: (card: CardToSend, r: RenderedCard, m: MonthCards) => string[]) {
  const found: string[] = [];
  let checked = 0;
  for (const [month, m] of months) {
    for (const card of m.cards) {
      const rendered = m.rendered.get(card.agencyId);
      if (!rendered) throw new Error(`no card for ${card.agencyId}`);
      checked++;
      found.push(...rule(card, rendered, m).map((b) => `${month} ${card.agencyId}: ${b}`));
    }
  }
  expect(checked).toBe(4 * 110);
  return found;
}

describe('the editor’s rules over every card of the example (four months, 440 cards)', () => {
  it('R6: «X از N» is the standing; the move is counted in standings; no «رتبه X از N»', () => {
    const found = breaches((card, r, m) => {
      const now = scoresOf(m.model, card.view.month)(card.agencyId);
      const before = scoresOf(m.model, previousMonth(card.view.month))(card.agencyId);
      return now ? placeRule(r.text, now, before) : [];
    });
    expect(found).toEqual([]);
  });

  it('R6: the last agency of each group stands last, «N از N» when it is alone there', () => {
    const tir = months.get('1403-04');
    if (!tir) throw new Error('no Tir');
    const d085 = plain(tir.rendered.get('d085')?.text ?? '');
    expect(d085).toContain(
      'در میان ۱۰۰ دستگاه اجرایی ارزیابی‌شده، در جایگاه ۱۰۰ از ۱۰۰ (آخرین جایگاه) قرار دارید؛ ۹۹ دستگاه اجرایی امتیاز بیشتری گرفتند.',
    );
    expect(d085).toContain('در خردادماه در جایگاه ۹۸ از ۱۰۰ بودید؛ جایگاه شما ۲ پله نزول کرد.');
    expect(d085).not.toContain('۹۷ از ۱۰۰');
    expect(d085).not.toContain('همان');
  });

  it('R13: nothing internal (run id, content hash, notes for the secretariat) in text or HTML', () => {
    const found = breaches((_c, r) => [
      ...internalText(r.text, [RUN_ID, DIGEST]),
      ...internalText(r.html, [RUN_ID, DIGEST]),
    ]);
    expect(found).toEqual([]);
  });

  it('R17: no trailing zero after «٫»', () => {
    const found = breaches((_c, r) => [...trailingZeros(r.text), ...trailingZeros(r.html)]);
    expect(found).toEqual([]);
  });

  it('R23: each indicator line in one scale, its figures adding up', () => {
    let lines = 0;
    const found = breaches((_c, r) => {
      lines += (r.text.match(/امتیاز از دست رفته/g) ?? []).length;
      return indicatorUnits(r.text);
    });
    expect(found).toEqual([]);
    expect(lines).toBeGreaterThan(440 * 3);
  });

  it('R24: the lists never cut through a tie; «best» only at half the maximum or more', () => {
    const found = breaches((card, r, m) => {
      const row = m.model.scores.find(
        (s) => s.month === card.view.month && s.agencyId === card.agencyId,
      );
      return card.view.evaluated && row ? tiesRule(r.text, m.model.indicators, row.values) : [];
    });
    expect(found).toEqual([]);
  });

  it('R25: every arrow in the HTML has its words', () => {
    let arrows = 0;
    const found = breaches((_c, r) => {
      arrows += (r.html.match(/[▲▼]/g) ?? []).length;
      return arrowsWithWords(r.html);
    });
    expect(found).toEqual([]);
    expect(arrows).toBeGreaterThan(440);
  });

  it('R26, R29: the formal opening; the secretariat’s name and contact at the end', () => {
    const found = breaches((_c, r) => [
      ...salutation(r.text),
      ...signature(r.text, SECRETARIAT, CONTACT),
    ]);
    expect(found).toEqual([]);
  });
});

describe('the rules catch what the review quoted', () => {
  it('each rule finds the faults of the cards the editor read', () => {
    const old = 'روابط‌عمومی اداره کل بهزیستی، با سلام؛\nرتبه ۹۷ از ۱۰۰ دستگاه اجرایی را دارید.';
    expect(salutation(old)).not.toEqual([]);
    expect(placeRule(old, { score: 10, scores: [10, 20, 30] }, null)).toContain('«رتبه X از N»');
    const last = 'در میان ۳ دستگاه اجرایی ارزیابی‌شده، در جایگاه ۲ از ۳ قرار دارید؛';
    expect(placeRule(last, { score: 10, scores: [10, 20, 30] }, null)).toEqual([
      'says 2 of 3, is 3 of 3',
    ]);
    const same = `${last.replace('۲ از', '۳ از')} در خردادماه نیز در جایگاه ۳ از ۳ بودید؛ جایگاه شما تغییری نکرد.`;
    expect(
      placeRule(same, { score: 10, scores: [10, 20, 30] }, { score: 20, scores: [10, 20, 30] }),
    ).toEqual(['says it was 3 of 3, was 2', 'says 0 steps, moved -1']);
    expect(indicatorUnits('رسیدگی (ش۱۰): ۱ از ۱۰؛ ۴٫۵۰ امتیاز کمتر از امتیاز کامل')).not.toEqual(
      [],
    );
    expect(indicatorUnits('رسیدگی (شاخص ۱۰): ۱ از ۱۰؛ ۴٫۵ امتیاز از دست رفته')).toHaveLength(1);
    expect(internalText('شناسه اجرا: r-1', ['r-1'])).toEqual(['شناسه اجرا', 'trace r-1']);
    expect(trailingZeros('۱۳٫۰۰ و ۱۰٫۵۰ و ۴۶٫۰۸')).toEqual(['۱۳٫۰۰', '۱۰٫۵۰']);
    expect(arrowsWithWords('<td>۳۶٫۲۵ <span>▼</span></td>')).toHaveLength(1);
    expect(signature('…\nبا سپاس،\nکارنامه', SECRETARIAT, null)).toHaveLength(1);
  });

  it('R24 finds a list cut inside a tie and a «best» list below half the maximum', () => {
    const indicators = [1, 2, 3, 4, 5].map((n) => ({
      code: `ش${n}`,
      title: `t${n}`,
      dimension: 'd',
      max: 10,
      weight: 1,
    }));
    const values = { ش1: 0, ش2: 0, ش3: 0, ش4: 0, ش5: 4 };
    const cut = [
      'بیشترین امتیاز را در این شاخص‌ها از دست داده‌اید:',
      '- a (شاخص ۱): …',
      '- b (شاخص ۲): …',
      '- c (شاخص ۳): …',
      '',
      'بهترین عملکرد شما در این شاخص‌ها بود:',
      '- e (شاخص ۵): ۴ از ۱۰',
      '',
    ].join('\n');
    expect(tiesRule(cut, indicators, values)).toEqual([
      'lost: شاخص 4 left out',
      'best below half the maximum',
    ]);
  });
});
