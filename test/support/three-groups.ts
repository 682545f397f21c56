import { meanRounded } from '../../functions/core/language/decimal.ts';
import type { ReleaseInput } from '../../functions/core/release/release-input.ts';
import type { GroupSummary } from '../../functions/core/figures/summary.ts';
import { group, releaseInput, summary } from './release-fixtures.ts';

/**
 * A second province for the statement tests: three groups (executive agencies,
 * governorates, municipalities), four bands of its own with one weak band, and Farvardin
 * 1404 compared with Esfand 1403 (across a year end).
 */
const BANDS = [
  { label: 'ضعیف', min: 0 },
  { label: 'قابل قبول', min: 50 },
  { label: 'خوب', min: 70 },
  { label: 'عالی', min: 90 },
];

function bandOf(score: number): string {
  let label = BANDS[0]?.label ?? '';
  for (const band of BANDS) if (score >= band.min) label = band.label;
  return label;
}

function shares(counts: number[]): GroupSummary['bands'] {
  const total = counts.reduce((a, b) => a + b, 0);
  return BANDS.map((band, i) => ({
    label: band.label,
    count: counts[i] ?? 0,
    percent: Math.round((100 * (counts[i] ?? 0)) / total),
  }));
}

/** Dense ranks of names and scores given highest first. */
function ranked(
  entries: [string, number, number | null][],
  prefix: string,
): GroupSummary['ranking'] {
  const distinct = [...new Set(entries.map(([, score]) => score))];
  return entries.map(([name, score, previousScore], i) => ({
    rank: distinct.indexOf(score) + 1,
    standing: 1 + entries.filter(([, other]) => other > score).length,
    previousStanding: null,
    id: `${prefix}${i + 1}`,
    name,
    score,
    band: bandOf(score),
    previousScore,
  }));
}

function groupOf(
  name: string,
  entries: GroupSummary['ranking'],
  previous: { mean: number; counts: number[] },
): GroupSummary {
  const counts = BANDS.map((band) => entries.filter((e) => e.band === band.label).length);
  const now = shares(counts);
  const before = shares(previous.counts);
  const meanScore = meanRounded(entries.map((e) => e.score));
  return group({
    name,
    ranking: entries,
    evaluated: entries.length,
    meanScore,
    previousMeanScore: previous.mean,
    bands: now,
    previousBands: before,
    weakShare: now[0]?.percent ?? 0,
    previousWeakShare: before[0]?.percent ?? 0,
    history: [{ month: '1404-01', weakShare: now[0]?.percent ?? 0, meanScore: meanScore ?? 0 }],
  });
}

const EXECUTIVE_SCORES = [
  92, 85, 80, 75, 72, 71, 68, 66, 64, 62, 60, 58, 56, 54, 52, 51, 45, 40, 35, 30,
];

export function threeGroupInput(): ReleaseInput {
  const executive = ranked(
    EXECUTIVE_SCORES.map((score, i): [string, number, number | null] => [
      `اداره کل شماره ${i + 1}`,
      score,
      i < 2 ? score - 5 : null,
    ]),
    'e',
  );
  const governorates = ranked(
    [
      ['فرمانداری دنا', 75, null],
      ['فرمانداری بویراحمد', 60, null],
      ['فرمانداری گچساران', 45, null],
      ['فرمانداری کهگیلویه', 30, null],
    ],
    'g',
  );
  const municipalities = ranked(
    [
      ['شهرداری یاسوج', 55, null],
      ['شهرداری دهدشت', 55, null],
      ['شهرداری سی‌سخت', 40, null],
      ['شهرداری دوگنبدان', 20, null],
    ],
    'm',
  );
  return releaseInput({
    province: 'کهگیلویه و بویراحمد',
    spokesperson: 'مریم احمدی',
    spokespersonTitle: 'مدیرکل روابط‌عمومی استانداری',
    weakBands: 1,
    top: 3,
    bands: BANDS,
    summary: summary({
      month: '1404-01',
      monthName: 'فروردین ۱۴۰۴',
      previousMonth: '1403-12',
      topBandEver: 1,
      groups: [
        groupOf('دستگاه اجرایی', executive, { mean: 55, counts: [7, 9, 4, 0] }),
        groupOf('فرمانداری', governorates, { mean: 48, counts: [2, 1, 1, 0] }),
        groupOf('شهرداری', municipalities, { mean: 45, counts: [1, 3, 0, 0] }),
      ],
    }),
  });
}
