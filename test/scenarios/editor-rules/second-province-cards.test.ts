// Cards of a second province: three groups, an agency that drops out, ties at the bottom, a small group.
import { describe, expect, it } from 'vitest';
import { computeMonth } from '../../../functions/core/figures/compute-summary.ts';
import { releaseWording } from '../../../functions/core/release/release-input.ts';
import { cardRun } from '../../support/card-fixtures.ts';
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
import { CONTACT, SECRETARIAT, secondProvince } from '../../support/second-province/cards.ts';

const run = cardRun(secondProvince());
const text = (id: string): string => plain(run.text(id));

/** Scores of each agency's group in a month, from the model (for the rules). */
function scoresIn(month: string) {
  const model = run.input.model;
  const result = computeMonth(model, month);
  return (id: string) => {
    const own = result.agencies.find((a) => a.id === id);
    if (!own?.evaluated) return null;
    const scores = result.agencies.flatMap((a) =>
      a.evaluated && a.group === own.group ? [a.score] : [],
    );
    return { score: own.score, scores };
  };
}

describe('the second province (Kermanshah, Tir 1403)', () => {
  it('every card holds the editor’s rules', () => {
    const now = scoresIn('1403-04');
    const before = scoresIn('1403-03');
    const found: string[] = [];
    for (const card of run.cards) {
      const id = card.agencyId;
      const t = run.text(id);
      const html = run.html(id);
      const mine = now(id);
      const row = run.input.model.scores.find((s) => s.month === '1403-04' && s.agencyId === id);
      found.push(
        ...[
          ...(mine ? placeRule(t, mine, before(id)) : []),
          ...internalText(t, [run.input.runId, run.input.contentHash]),
          ...internalText(html, [run.input.runId, run.input.contentHash]),
          ...trailingZeros(t),
          ...indicatorUnits(t),
          ...(row ? tiesRule(t, run.input.model.indicators, row.values) : []),
          ...arrowsWithWords(html),
          ...salutation(t),
          ...signature(t, SECRETARIAT, CONTACT),
        ].map((b) => `${id}: ${b}`),
      );
    }
    expect(run.cards).toHaveLength(11);
    expect(found).toEqual([]);
  });

  it('a tie at the bottom: shared place by standing, the release’s dense rank beside it', () => {
    for (const id of ['e04', 'e05']) {
      expect(text(id)).toContain(
        'در میان ۵ دستگاه اجرایی ارزیابی‌شده، به‌طور مشترک با یک دستگاه اجرایی دیگر در جایگاه ۴ از ۵ قرار دارید؛ ۳ دستگاه اجرایی امتیاز بیشتری گرفتند و هیچ دستگاه اجرایی امتیاز کمتری نگرفت. در رتبه‌بندی خبر شورا، به‌طور مشترک رتبه سوم را دارید.',
      );
      expect(text(id)).not.toMatch(/جایگاه (۳|۵) از/);
    }
    // The governorates' tie at the bottom: «۲ از ۳», never «۳ از ۳».
    expect(text('g03')).toContain(
      'در میان ۳ فرمانداری ارزیابی‌شده، به‌طور مشترک با یک فرمانداری دیگر در جایگاه ۲ از ۳ قرار دارید؛ یک فرمانداری امتیاز بیشتری گرفت و هیچ فرمانداری امتیاز کمتری نگرفت.',
    );
    expect(text('g03')).not.toContain('رتبه‌بندی خبر شورا');
  });

  it('an agency that dropped out: its own card says why; the others count places in each month’s group', () => {
    expect(text('e06')).toContain(
      'روابط‌عمومی شما در تیرماه ۱۴۰۳ ارزیابی نشد، چون فرم ماه را ثبت نکرده است.',
    );
    expect(text('e06')).not.toMatch(/جایگاه [۰-۹]+ از/);
    // e01 was third of six in Khordad (e06 led), first of five now: two places up.
    expect(text('e01')).toContain(
      'در خردادماه در جایگاه ۳ از ۶ بودید؛ جایگاه شما ۲ پله ارتقا یافت.',
    );
    // e04: fourth (shared) of six then, fourth (shared) of five now: unchanged, said so.
    expect(text('e04')).toContain(
      'در خردادماه نیز در جایگاه ۴ از ۶ بودید؛ جایگاه شما تغییری نکرد.',
    );
    // e05 was last of six with the same score: it rose two places, and its score did not move.
    expect(text('e05')).toContain('امتیاز شما با امتیاز خردادماه برابر است.');
    expect(text('e05')).toContain(
      'در خردادماه در جایگاه ۶ از ۶ بودید؛ جایگاه شما ۲ پله ارتقا یافت.',
    );
  });

  it('a newcomer is not compared with a month it was not in; the one it joined is', () => {
    expect(text('m02')).toContain(
      'شما در خردادماه ارزیابی نشده بودید؛ از این رو مقایسه با ماه قبل ممکن نیست.',
    );
    expect(text('m01')).toContain(
      'در میان ۲ شهرداری ارزیابی‌شده، در جایگاه ۲ از ۲ (آخرین جایگاه) قرار دارید؛ یک شهرداری امتیاز بیشتری گرفت.',
    );
    // m01 was alone in Khordad: no place then, so no move.
    expect(text('m01')).not.toContain('در خردادماه در جایگاه');
    expect(text('m01')).toContain('امتیاز شما ۱۰ امتیاز کمتر از امتیاز خردادماه (۵۰) است.');
    expect(text('m01')).not.toContain('سطح شما از');
  });

  it('signs with the province’s secretariat and its address, left to right in the HTML', () => {
    expect(run.html('g01')).toContain(`راه تماس: <span dir="ltr">${CONTACT}</span>`);
    expect(text('g01')).toContain(`\n${SECRETARIAT}\nراه تماس: ${CONTACT}`);
  });
});

describe('the release of the second province', () => {
  it('closes with the contact setting, as the cards do', () => {
    const wording = releaseWording(run.input.model, run.input.problems, '1403-04');
    expect(wording.contact).toBe(CONTACT);
  });
});
