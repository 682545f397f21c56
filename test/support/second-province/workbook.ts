// A second province as a real .xlsx: three groups, an agency that drops out, ties at the bottom, small groups, a deadline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReleaseRenderer } from '../../../functions/adapters/mail/render-release.ts';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import type { CellValue, RawTab, RawWorkbook } from '../../../functions/core/contract/cells.ts';
import { computeResults } from '../../../functions/core/figures/compute-summary.ts';
import type { Model } from '../../../functions/core/contract/model.ts';
import { parseWorkbook } from '../../../functions/core/contract/parse-workbook.ts';
import {
  releaseWording,
  type ReleaseInput,
} from '../../../functions/core/release/release-input.ts';
import type { Summary } from '../../../functions/core/figures/summary.ts';
import { TABS, type TabKey } from '../../../functions/core/contract/tabs.ts';
import type { RenderedRelease } from '../../../functions/ports.ts';
import { label } from '../../../scripts/make-example.ts';
import { writeWorkbookXlsx } from '../../../scripts/write-workbook.ts';
import {
  EXECUTIVE,
  EXECUTIVE_NAMES,
  EXECUTIVE_SCORES,
  GOVERNORATE,
  GOVERNORATE_SCORES,
  GOVERNORATES,
  MUNICIPALITIES,
  MUNICIPALITY,
  MUNICIPALITY_SCORES,
} from './data.ts';
import { MONTHS } from './months.ts';

/**
 * Lorestan, Farvardin to Khordad 1404 (five bands, two weak, dense ranks, top 3, deadline
 * the 10th). One indicator per dimension, max 100: an agency's score is the value it got.
 *
 * - 22 executive agencies, some names bare labels or with «و»/«،» inside; in Ordibehesht
 *   two share the first rank and two share the last (12); in Khordad Farvardin's and
 *   Ordibehesht's leader falls to fourth, and «بیمه سلامت» (one of the last two) sends no row.
 * - 6 governorates (a small group), two sharing the last place in Ordibehesht.
 * - 5 municipalities (a small group): «شهرداری الشتر» is evaluated in Farvardin and drops out
 *   (no row after it); «شهرداری چقابل» joins in Ordibehesht. On the whole group the mean
 *   rises from 33.75 to 47.5 and the weak share falls from 50 to 25 %; on the three
 *   evaluated in both months the mean falls from 41.67 to 40 and the weak share holds at 33 %.
 */
function tab(key: TabKey, columns: string[], rows: CellValue[][]): RawTab {
  return { name: TABS[key].label, rows: [columns.map((c) => label(key, c)), ...rows] };
}

interface Member {
  id: string;
  name: string;
  group: string;
  scores: Record<string, number | null>;
}

function members(): Member[] {
  const of = (
    prefix: string,
    group: string,
    names: string[],
    table: Record<string, (number | null)[]>,
  ): Member[] =>
    names.map((name, i) => ({
      id: `${prefix}${String(i + 1).padStart(2, '0')}`,
      name,
      group,
      scores: Object.fromEntries(MONTHS.map((m) => [m, table[m]?.[i] ?? null])),
    }));
  return [
    ...of('e', EXECUTIVE, EXECUTIVE_NAMES, EXECUTIVE_SCORES),
    ...of('f', GOVERNORATE, GOVERNORATES, GOVERNORATE_SCORES),
    ...of('m', MUNICIPALITY, MUNICIPALITIES, MUNICIPALITY_SCORES),
  ];
}

function secondProvinceWorkbook(): RawWorkbook {
  const all = members();
  const scoreRows: CellValue[][] = [];
  for (const month of MONTHS) {
    for (const m of all) {
      const value = m.scores[month];
      if (value !== null && value !== undefined)
        scoreRows.push([month, m.id, value, value, value, '']);
    }
  }
  return {
    tabs: [
      tab(
        'settings',
        ['key', 'value'],
        [
          ['استان', 'لرستان'],
          ['سخنگو', 'سارا رحیمی'],
          ['سمت سخنگو', 'مدیرکل روابط‌عمومی استانداری لرستان'],
          ['روش رتبه‌بندی', 'فشرده'],
          ['تعداد رتبه‌ها', 3],
          ['تعداد سطوح ضعیف', 2],
          ['منبع خبر', 'روابط‌عمومی استانداری لرستان'],
          ['مهلت ثبت', 10],
        ],
      ),
      tab(
        'indicators',
        ['code', 'title', 'dimension', 'max', 'weight'],
        [
          ['ش۱', 'اطلاع‌رسانی به‌موقع', 'اطلاع‌رسانی', 100, 1],
          ['ش۲', 'پاسخ به مردم', 'پاسخگویی', 100, 1],
          ['ش۳', 'طرح نو', 'نوآوری', 100, 1],
        ],
      ),
      tab(
        'bands',
        ['label', 'min'],
        [
          ['بسیار ضعیف', 0],
          ['ضعیف', 20],
          ['متوسط', 40],
          ['خوب', 60],
          ['بسیار خوب', 80],
        ],
      ),
      tab(
        'agencies',
        ['id', 'name', 'group', 'active', 'email'],
        all.map((m) => [m.id, m.name, m.group, 'بله', `${m.id}@lorestan.example`]),
      ),
      {
        name: TABS.scores.label,
        rows: [
          [
            label('scores', 'month'),
            label('scores', 'agency'),
            'ش۱',
            'ش۲',
            'ش۳',
            label('scores', 'note'),
          ],
          ...scoreRows,
        ],
      },
      tab(
        'recipients',
        ['email', 'name', 'active'],
        [['news@lorestan.example', 'خبرگزاری', 'بله']],
      ),
    ],
  };
}

export interface ProvinceMonth {
  month: string;
  model: Model;
  summary: Summary;
  input: ReleaseInput;
  release: RenderedRelease;
}

/** Writes the workbook to a temporary .xlsx, reads it back, and renders each month's release. */
export async function secondProvince(): Promise<ProvinceMonth[]> {
  const dir = mkdtempSync(join(tmpdir(), 'karnameh-lorestan-'));
  try {
    const path = join(dir, 'lorestan-1404.xlsx');
    await writeWorkbookXlsx(secondProvinceWorkbook(), path);
    const raw = await createXlsxStore(path).read();
    const render = createReleaseRenderer();
    return MONTHS.map((month) => {
      const { model, problems } = parseWorkbook(raw, { month });
      const summary = computeResults(model, problems, month, 'dry-run').summary;
      const input: ReleaseInput = {
        summary,
        province: model.settings.province,
        spokesperson: model.settings.spokesperson,
        spokespersonTitle: model.settings.spokespersonTitle,
        top: model.settings.top,
        weakBands: model.settings.weakBands,
        indicatorCount: model.indicators.length,
        dimensions: model.dimensions,
        runId: 'r-20250601-080000-ab12',
        contentHash: 'c0ffee12',
        computedAt: new Date('2025-06-01T08:00:00Z'),
        correction: false,
        ...releaseWording(model, problems, month),
      };
      return { month, model, summary, input, release: render(input) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
