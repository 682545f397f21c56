import { pluralOfGroup } from '../../functions/core/contract/group-names.ts';
import type {
  Agency,
  Band,
  Indicator,
  Model,
  ScoreRow,
  Settings,
} from '../../functions/core/contract/model.ts';

import { DEFAULT_SETTINGS } from '../../functions/core/contract/parse-settings.ts';
import { seededRandom } from '../../scripts/example-data.ts';

/** Models built in code for the figure tests. */

export const DEFAULT_BANDS: Band[] = [
  { label: 'بسیار ضعیف', min: 0 },
  { label: 'ضعیف', min: 20 },
  { label: 'متوسط', min: 40 },
  { label: 'خوب', min: 60 },
  { label: 'بسیار خوب', min: 80 },
];

export const DIMENSIONS = ['اطلاع‌رسانی', 'پاسخگویی', 'نوآوری'];

/** One indicator per dimension, max 100, weight 1: every value is its own score. */
const PLAIN_INDICATORS: Indicator[] = DIMENSIONS.map((dimension, i) => ({
  code: `i${i + 1}`,
  title: `شاخص ${i + 1}`,
  dimension,
  max: 100,
  weight: 1,
}));

export function settings(overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, province: 'ایلام', ...overrides };
}

export function agency(id: string, name: string, group: string, active = true): Agency {
  return { id, name, group, active, emails: [], addresses: [] };
}

/** A model; groups and dimensions default to the order of first appearance. */
export function makeModel(parts: {
  agencies: Agency[];
  scores: ScoreRow[];
  indicators?: Indicator[];
  bands?: Band[];
  settings?: Partial<Settings>;
}): Model {
  const indicators = parts.indicators ?? PLAIN_INDICATORS;
  return {
    settings: settings(parts.settings),
    indicators,
    dimensions: [...new Set(indicators.map((i) => i.dimension))],
    bands: parts.bands ?? DEFAULT_BANDS,
    agencies: parts.agencies,
    groups: [...new Set(parts.agencies.map((a) => a.group))],
    groupPlurals: Object.fromEntries(
      [...new Set(parts.agencies.map((a) => a.group))].map((g) => [g, pluralOfGroup(g)]),
    ),
    scores: parts.scores,
    recipients: [],
  };
}

/** Row builder with increasing rowIndex, so rows have the sheet's order. */
export function rowMaker(): (
  month: string,
  agencyId: string,
  values: Record<string, number | null>,
) => ScoreRow {
  let rowIndex = 0;
  return (month, agencyId, values) => ({
    month,
    agencyId,
    values,
    note: null,
    rowIndex: ++rowIndex,
  });
}

/** Values for PLAIN_INDICATORS: [info, responsiveness, innovation]. */
export function plain(
  info: number | null,
  resp = info,
  innov = info,
): Record<string, number | null> {
  return { i1: info, i2: resp, i3: innov };
}

/** A small deterministic PRNG for test data (the example's mulberry32); never used by the code under test. */
export const prng = seededRandom;

/** A deterministic shuffle (Fisher–Yates with the PRNG). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = prng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
