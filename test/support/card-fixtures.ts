/**
 * Agency-card fixtures: a small workbook built in code, parsed and computed exactly as a
 * run does (parseWorkbook, computeResults), then cardsToSend and the real templates.
 *
 * Indicators (sample): ش۱ /10 w1, ش۲ /10 w1, ش۳ /10 w2, ش۴ /5 w1, so a row
 * [v, v, v, v/2] with v/10 = r scores 100 × r: [8,9,10,5] = 94, [6,6,6,3] = 60,
 * [5,5,5,2.5] = 50, [4,4,4,2] = 40, [2,2,2,1] = 20.
 */
import { createCardRenderer } from '../../functions/adapters/mail/render-card.ts';
import {
  cardsToSend,
  type CardToSend,
  type CardsToSendInput,
} from '../../functions/core/cards/cards-to-send.ts';
import type { CellValue } from '../../functions/core/contract/cells.ts';
import { computeResults } from '../../functions/core/figures/compute-summary.ts';
import { parseWorkbook } from '../../functions/core/contract/parse-workbook.ts';
import type { RenderedCard } from '../../functions/ports.ts';
import { fromTabs, sampleTabs, type Rows } from './raw-workbooks.ts';

export const SCORE_50: CellValue[] = [5, 5, 5, 2.5];
export const SCORE_60: CellValue[] = [6, 6, 6, 3];
export const SCORE_40: CellValue[] = [4, 4, 4, 2];
export const SCORE_20: CellValue[] = [2, 2, 2, 1];
export const SCORE_94: CellValue[] = [8, 9, 10, 5];

export const AGENCY_ROWS: Rows = [
  ['شناسه', 'نام', 'گروه', 'فعال', 'ایمیل'],
  ['a01', 'اداره کل برق', 'دستگاه اجرایی', 'بله', 'pr.barq@example.org'],
  ['a02', 'اداره کل بهزیستی', 'دستگاه اجرایی', 'بله', 'pr.behzisti@example.org'],
  ['a03', 'اداره کل راهداری', 'دستگاه اجرایی', 'بله', 'pr.rahdari@example.org'],
  ['a04', 'اداره کل گاز', 'دستگاه اجرایی', 'بله', 'pr.gaz@example.org'],
  ['f01', 'فرمانداری بدره', 'فرمانداری', 'بله', 'pr.badreh@example.org'],
];

/** Tir 1403 against Khordad: a01 rises to the top band, a02 and a03 tie, a04 sends nothing, f01 is alone. */
export const TIR_SCORES: Rows = [
  ['ماه', 'دستگاه', 'ش۱', 'ش۲', 'ش۳', 'ش۴'],
  ['1403-03', 'a01', ...SCORE_50],
  ['1403-03', 'a02', ...SCORE_60],
  ['1403-03', 'a03', ...SCORE_40],
  ['1403-03', 'a04', ...SCORE_20],
  ['1403-03', 'f01', ...SCORE_40],
  ['1403-04', 'a01', ...SCORE_94],
  ['1403-04', 'a02', ...SCORE_60],
  ['1403-04', 'a03', ...SCORE_60],
  ['1403-04', 'f01', ...SCORE_50],
];

export interface CardRun {
  cards: CardToSend[];
  byId: Map<string, CardToSend>;
  rendered: Map<string, RenderedCard>;
  /** The text part of an agency's card (throws when it has none). */
  text(id: string): string;
  html(id: string): string;
  input: CardsToSendInput;
}

const render = createCardRenderer();

export function cardRun(
  replace: Record<string, Rows> = {},
  month = '1403-04',
  extra: Partial<CardsToSendInput> = {},
): CardRun {
  const tabs = { ...sampleTabs(), دستگاه‌ها: AGENCY_ROWS, امتیازها: TIR_SCORES, ...replace };
  const parsed = parseWorkbook(fromTabs(tabs), { month });
  if (parsed.fatal) throw new Error(`fixture is fatal: ${JSON.stringify(parsed.problems)}`);
  const computed = computeResults(parsed.model, parsed.problems, month, 'dry-run');
  const input: CardsToSendInput = {
    model: parsed.model,
    problems: parsed.problems,
    computed,
    runId: 'r-20240725-081530-3fa2',
    contentHash: '3fa2c0ffee11',
    computedAt: new Date('2024-07-25T08:15:30Z'),
    correction: false,
    ...extra,
  };
  const cards = cardsToSend(input);
  const rendered = new Map(cards.map((c) => [c.agencyId, render(c.view)]));
  const get = (id: string): RenderedCard => {
    const card = rendered.get(id);
    if (!card) throw new Error(`no card for ${id}`);
    return card;
  };
  return {
    cards,
    byId: new Map(cards.map((c) => [c.agencyId, c])),
    rendered,
    text: (id) => get(id).text,
    html: (id) => get(id).html,
    input,
  };
}

/** The settings rows of the sample with some rows added. */
export function settingsWith(...rows: Rows): Rows {
  const base = sampleTabs()['تنظیمات'] ?? [];
  return [...base, ...rows];
}
