import { meanRounded } from '../../functions/core/language/decimal.ts';
import type { ReleaseInput } from '../../functions/core/release/release-input.ts';
import type { GroupSummary, Summary } from '../../functions/core/figures/summary.ts';

/** The default bands of docs/workbook.md#bands, low to high. */
const BAND_LABELS = ['بسیار ضعیف', 'ضعیف', 'متوسط', 'خوب', 'بسیار خوب'] as const;
const BAND_MINS = [0, 20, 40, 60, 80] as const;

function bandOf(score: number): string {
  let label: string = BAND_LABELS[0];
  BAND_MINS.forEach((min, i) => {
    if (score >= min) label = BAND_LABELS[i] ?? label;
  });
  return label;
}

/** Band shares from counts (the fixtures use counts whose shares are exact). */
export function bands(counts: readonly number[]): GroupSummary['bands'] {
  const total = counts.reduce((a, b) => a + b, 0);
  return BAND_LABELS.map((label, i) => {
    const count = counts[i] ?? 0;
    return { label, count, percent: total === 0 ? 0 : Math.round((100 * count) / total) };
  });
}

export interface Ranked {
  name: string;
  score: number;
  id?: string;
  previousScore?: number | null;
  previousStanding?: number | null;
}

/** Ranking entries, dense ranks by score (the input must be sorted by score, then name). */
export function ranking(entries: readonly Ranked[], idPrefix: string): GroupSummary['ranking'] {
  const distinct = [...new Set(entries.map((e) => e.score))].sort((a, b) => b - a);
  return entries.map((entry, i) => ({
    rank: distinct.indexOf(entry.score) + 1,
    standing: 1 + entries.filter((e) => e.score > entry.score).length,
    id: entry.id ?? `${idPrefix}${String(i + 1).padStart(2, '0')}`,
    name: entry.name,
    score: entry.score,
    band: bandOf(entry.score),
    previousScore: entry.previousScore ?? null,
    previousStanding: entry.previousStanding ?? null,
  }));
}

/** A group with sensible defaults: one evaluated agency, no month before. */
export function group(overrides: Partial<GroupSummary> = {}): GroupSummary {
  const rankingEntries = overrides.ranking ?? ranking([{ name: 'برق', score: 50 }], 'g');
  return {
    name: 'دستگاه اجرایی',
    evaluated: rankingEntries.length,
    notEvaluated: [],
    meanScore: meanRounded(rankingEntries.map((e) => e.score)),
    previousMeanScore: null,
    bands: bands(BAND_LABELS.map((label) => rankingEntries.filter((e) => e.band === label).length)),
    previousBands: null,
    weakShare: null,
    previousWeakShare: null,
    headline: { dimensions: [], mean: null, previousMean: null, changePercent: null },
    dimensions: [],
    likeForLike: null,
    history: [],
    ranking: rankingEntries,
    ...overrides,
  };
}

export function summary(overrides: Partial<Summary> = {}): Summary {
  return {
    month: '1403-04',
    monthName: 'تیر ۱۴۰۳',
    previousMonth: '1403-03',
    status: 'dry-run',
    groups: [group()],
    topBandEver: 0,
    problems: [],
    ...overrides,
  };
}

export function releaseInput(overrides: Partial<ReleaseInput> = {}): ReleaseInput {
  return {
    summary: summary(),
    province: 'ایلام',
    spokesperson: null,
    spokespersonTitle: null,
    top: 3,
    weakBands: 2,
    indicatorCount: 20,
    dimensions: ['اطلاع‌رسانی', 'پاسخگویی', 'نوآوری'],
    runId: 'run-20240726-0700-7f3a',
    contentHash: '3f9a1c0d7e2b',
    computedAt: new Date('2024-07-26T07:00:00Z'),
    correction: false,
    ...overrides,
  };
}

/** Scores spread evenly over [low, high), highest first. */
function spread(count: number, low: number, high: number): number[] {
  return Array.from({ length: count }, (_, i) => {
    const value = high - ((i + 1) * (high - low)) / (count + 1);
    return Math.round(value * 100) / 100;
  });
}

/** The article's executive agencies, Tir 1403: 100 evaluated, 4 / 37 / 50 / 9 / 0 %. */
function executiveRanking(): GroupSummary['ranking'] {
  const named: Ranked[] = [
    { name: 'برق', score: 78.5, id: 'a02', previousScore: 70.1 },
    { name: 'راهداری و حمل و نقل جاده‌ای', score: 78.5, id: 'a01', previousScore: 72.4 },
    { name: 'بهزیستی', score: 74.25, id: 'a03', previousScore: 66 },
    { name: 'تعاون، کار و رفاه اجتماعی', score: 74.25, id: 'a04', previousScore: 61.3 },
    { name: 'صنعت، معدن و تجارت', score: 71, id: 'a05', previousScore: 58.75 },
  ];
  const rest: Ranked[] = [
    ...spread(4, 60, 70),
    ...spread(50, 40, 60),
    ...spread(37, 20, 40),
    ...spread(4, 0, 20),
  ].map((score, i) => ({
    name: `دستگاه نمونه ${String(i + 6)}`,
    score,
    id: `a${String(i + 6).padStart(2, '0')}`,
  }));
  return ranking([...named, ...rest], 'a');
}

const GOVERNORATES: Ranked[] = [
  { name: 'بدره', score: 52, id: 'f01', previousScore: 41 },
  { name: 'دهلران', score: 45.5, id: 'f02', previousScore: 38 },
  { name: 'چرداول', score: 38, id: 'f03', previousScore: 35 },
  { name: 'ایلام', score: 33.25, id: 'f04' },
  { name: 'آبدانان', score: 31, id: 'f05' },
  { name: 'ایوان', score: 29.5, id: 'f06' },
  { name: 'دره‌شهر', score: 27, id: 'f07' },
  { name: 'ملکشاهی', score: 24, id: 'f08' },
  { name: 'مهران', score: 18, id: 'f09' },
  { name: 'سیروان', score: 12.75, id: 'f10' },
];

/** The article's Tir figures (seed/README.md, "The figures as a table"). */
export function tirInput(overrides: Partial<ReleaseInput> = {}): ReleaseInput {
  const executive = executiveRanking();
  const governorates = ranking(GOVERNORATES, 'f');
  return releaseInput({
    summary: summary({
      groups: [
        group({
          name: 'دستگاه اجرایی',
          ranking: executive,
          evaluated: 100,
          meanScore: meanRounded(executive.map((e) => e.score)),
          previousMeanScore: 42.1,
          notEvaluated: [
            { id: 'a101', name: 'شبکه بهداشت و درمان', reason: 'agency.no_submission' },
            { id: 'a102', name: 'منابع طبیعی و آبخیزداری', reason: 'score.missing' },
            { id: 'a103', name: 'میراث فرهنگی', reason: 'score.out_of_range' },
          ],
          bands: bands([4, 37, 50, 9, 0]),
          previousBands: bands([12, 44, 42, 2, 0]),
          weakShare: 41,
          previousWeakShare: 56,
          headline: {
            dimensions: ['اطلاع‌رسانی', 'پاسخگویی'],
            mean: 50.2,
            previousMean: 43.6,
            changePercent: 15,
          },
          history: [
            { month: '1403-01', weakShare: 91, meanScore: 30.2 },
            { month: '1403-02', weakShare: 91, meanScore: 31.4 },
            { month: '1403-03', weakShare: 56, meanScore: 42.1 },
            { month: '1403-04', weakShare: 41, meanScore: 47.31 },
          ],
        }),
        group({
          name: 'فرمانداری',
          ranking: governorates,
          evaluated: 10,
          meanScore: meanRounded(governorates.map((e) => e.score)),
          previousMeanScore: 30.4,
          bands: bands([2, 6, 2, 0, 0]),
          previousBands: bands([3, 6, 1, 0, 0]),
          weakShare: 80,
          previousWeakShare: 90,
          headline: {
            dimensions: ['اطلاع‌رسانی', 'پاسخگویی'],
            mean: 34.1,
            previousMean: 31.2,
            changePercent: 9,
          },
          history: [
            { month: '1403-01', weakShare: 100, meanScore: 22.1 },
            { month: '1403-02', weakShare: 90, meanScore: 25.3 },
            { month: '1403-03', weakShare: 90, meanScore: 30.4 },
            { month: '1403-04', weakShare: 80, meanScore: 31.1 },
          ],
        }),
      ],
      topBandEver: 0,
    }),
    spokesperson: 'آیت قیصربیگی',
    spokespersonTitle: 'مدیرکل روابط‌عمومی و امور بین‌الملل استانداری ایلام',
    source: 'روابط‌عمومی استانداری ایلام',
    purpose: 'تقویت جایگاه مردم و اطلاع‌رسانی صریح و به‌موقع',
    bands: BAND_LABELS.map((label, i) => ({ label, min: BAND_MINS[i] ?? 0 })),
    // بهزیستی led the month before; it shares the second rank now.
    previousRanks: { a03: 1, a01: 2, f01: 1 },
    ...overrides,
  });
}
