/**
 * Turns the example's design (example-data.ts) into indicator values, and computes the
 * figures back from the values with exact integer arithmetic, so the generator can refuse
 * to write a workbook that misses the article.
 *
 * Every indicator's max is 5, 10 or 20, so an indicator is worth 20 "quarter points"
 * (value × 20 / max) and an agency's score is (sum of quarter points) / 4: scores are
 * multiples of 0.25 and land exactly where the design puts them.
 */
import { KarnamehError } from '../functions/core/contract/errors.ts';
import {
  AGENCIES,
  BAND_COUNTS,
  BANDS,
  CHARDAVOL,
  DEHLORAN,
  BADREH,
  ELECTRICITY,
  EXECUTIVE,
  GOVERNORATE,
  GROUPS,
  HEADLINE_CHANGE,
  HEADLINE_DIMENSIONS,
  INDICATORS,
  INDUSTRY,
  LABOUR,
  MONTHS,
  NOTES,
  ROADS,
  TIR_PODIUM,
  WELFARE,
  seedOf,
  seededRandom,
  type ExampleMonth,
} from './example-data.ts';

export interface DesignedRow {
  month: ExampleMonth;
  agencyId: string;
  /** Exact values in INDICATORS order (multiples of 0.5). */
  values: number[];
  /** The cells as written: mostly numbers, a few text in other accepted forms. */
  cells: (number | string)[];
  /** The month cell as written (mostly canonical, a few other accepted forms). */
  monthCell: string;
  note: string | null;
}

const TIR: ExampleMonth = '1403-04';
const KHORDAD: ExampleMonth = '1403-03';

/** Quarter points one point of each indicator is worth. */
const UNITS = INDICATORS.map((i) => 20 / i.max);
const indexesWhere = (test: (dimension: string) => boolean): number[] =>
  INDICATORS.flatMap((ind, i) => (test(ind.dimension) ? [i] : []));
const HEADLINE = indexesWhere((d) => HEADLINE_DIMENSIONS.includes(d));
const OTHER = indexesWhere((d) => !HEADLINE_DIMENSIONS.includes(d));

/** Per-indicator difficulty: some indicators are harder for everyone. */
const DIFFICULTY = (() => {
  const rng = seededRandom(seedOf('difficulty'));
  return INDICATORS.map(() => (rng() - 0.5) * 0.16);
})();

/** Target score ranges per band, keeping 0.5 away from every band edge. */
const RANGES: [number, number][] = [
  [9, 19.5],
  [20.5, 39.5],
  [40.5, 59.5],
  [60.5, 67.5],
  [80.5, 95],
];

/** An agency's steady quality (its place among its peers) and innovation factor. */
function profile(id: string): { quality: number; innovation: number } {
  const rng = seededRandom(seedOf(`profile/${id}`));
  const podium = TIR_PODIUM.find((p) => p.id === id);
  const quality = podium ? 0.9 + podium.order * 0.02 : rng();
  return { quality, innovation: 0.55 + 0.35 * rng() };
}

/** Each active agency's score (in quarter points) for every month, by the band design. */
function placeScores(): Map<string, number> {
  const placed = new Map<string, number>();
  for (const group of GROUPS) {
    const members = AGENCIES.filter((a) => a.active && a.group === group);
    for (const month of MONTHS) {
      const rng = seededRandom(seedOf(`place/${group}/${month}`));
      const keyed = members.map((a) => {
        const podium = TIR_PODIUM.find((p) => p.id === a.id);
        const noise = (rng() - 0.5) * 0.3;
        const key = month === TIR && podium ? 100 + podium.order : profile(a.id).quality + noise;
        return { id: a.id, key, podium: month === TIR ? podium : undefined };
      });
      keyed.sort((x, y) => x.key - y.key || (x.id < y.id ? -1 : 1));
      const counts = BAND_COUNTS[group]?.[month] ?? [];
      if (counts.reduce((s, c) => s + c, 0) !== members.length) {
        throw new KarnamehError('internal', `band counts of ${group} ${month} do not add up`);
      }
      let start = 0;
      counts.forEach((count, band) => {
        const inBand = keyed.slice(start, start + count);
        start += count;
        const range = RANGES[band];
        if (!range) throw new KarnamehError('internal', `no range for band ${band}`);
        const pinned = inBand.flatMap((m) => (m.podium ? [m.podium.quarterPoints / 4] : []));
        const lo = range[0];
        const hi = Math.min(range[1], ...pinned.map((s) => s - 0.5));
        const free = inBand.filter((m) => !m.podium);
        free.forEach((m, j) => {
          const t = lo + ((hi - lo) * (j + 0.5 + (rng() - 0.5) * 0.7)) / free.length;
          placed.set(`${m.id}/${month}`, Math.min(hi * 4, Math.max(lo * 4, Math.round(t * 4))));
        });
        for (const m of inBand) {
          if (m.podium) placed.set(`${m.id}/${month}`, m.podium.quarterPoints);
        }
      });
    }
  }
  return placed;
}

/**
 * Values for one set of indicators summing to exactly `target` quarter points. The set's
 * max-20 indicator (one quarter point per point) takes up the remainder.
 */
function fillSet(
  values: number[],
  indexes: number[],
  target: number,
  rng: () => number,
  where: string,
): void {
  const rest = indexes.find((i) => UNITS[i] === 1);
  if (rest === undefined) throw new KarnamehError('internal', 'no max-20 indicator in a set');
  const others = indexes.filter((i) => i !== rest);
  const level = target / (20 * indexes.length);
  const ratio = (i: number): number =>
    Math.min(1, Math.max(0, level + (DIFFICULTY[i] ?? 0) + (rng() - 0.5) * 0.3));
  for (const i of others) values[i] = Math.round(ratio(i) * (INDICATORS[i]?.max ?? 0));
  const wanted = Math.round(ratio(rest) * 20);
  const remainder = (): number =>
    target - others.reduce((s, i) => s + (values[i] ?? 0) * (UNITS[i] ?? 0), 0);
  const step = (strict: boolean): boolean => {
    const diff = remainder() - (strict ? wanted : Math.min(20, Math.max(0, remainder())));
    if (diff === 0) return false;
    const candidates = others.filter((i) => {
      const v = values[i] ?? 0;
      const u = UNITS[i] ?? 0;
      const room = diff > 0 ? v < (INDICATORS[i]?.max ?? 0) : v > 0;
      return room && (strict ? Math.abs(Math.abs(diff) - u) < Math.abs(diff) : true);
    });
    const pick = candidates[Math.floor(rng() * candidates.length)];
    if (pick === undefined) return false;
    values[pick] = (values[pick] ?? 0) + (diff > 0 ? 1 : -1);
    return true;
  };
  for (let n = 0; n < 200 && step(true); n++);
  for (let n = 0; n < 200 && step(false); n++);
  const r = remainder();
  if (r < 0 || r > 20) throw new KarnamehError('internal', `cannot fill ${where}`);
  values[rest] = r;
}

function fillValues(id: string, month: string, points: number, otherPoints: number): number[] {
  const rng = seededRandom(seedOf(`values/${id}/${month}`));
  const values = INDICATORS.map(() => 0);
  fillSet(values, HEADLINE, points - otherPoints, rng, `${id} ${month}`);
  fillSet(values, OTHER, otherPoints, rng, `${id} ${month}`);
  return values;
}

/** Quarter points of the non-headline (innovation) indicators for a given score. */
function innovationPoints(id: string, points: number): number {
  const f = profile(id).innovation;
  const headlineRatio = points / (20 * HEADLINE.length + 20 * OTHER.length * f);
  const other = Math.round(20 * OTHER.length * f * headlineRatio);
  return Math.max(points - 20 * HEADLINE.length, Math.min(20 * OTHER.length, other));
}

// ---------------------------------------------------------------------------------------
// Exact figures

/** a / b rounded half away from zero, b > 0, integers. */
export function roundDiv(a: number, b: number): number {
  const q = Math.floor((2 * Math.abs(a) + b) / (2 * b));
  return a < 0 ? -q : q;
}

const HALF_LCM = 2 * 20; // values are multiples of 0.5 and every max divides 20

/** 100 × mean of value/max over the indicators, in hundredths, rounded half away. */
export function scoreHundredths(values: number[], indexes: number[]): number {
  let n = 0;
  for (const i of indexes) {
    const max = INDICATORS[i]?.max ?? 0;
    n += Math.round(2 * (values[i] ?? 0)) * (HALF_LCM / 2 / max);
  }
  // Σ ratio = n / 40; score = 100 × Σ ratio / count.
  return roundDiv(100 * 100 * n, HALF_LCM * indexes.length);
}

const ALL = INDICATORS.map((_, i) => i);

export function bandOf(hundredths: number): number {
  let band = 0;
  BANDS.forEach((b, i) => {
    if (b.min * 100 <= hundredths) band = i;
  });
  return band;
}

/** Percent shares summing to 100 by largest remainder (ties to the lower band). */
export function shares(counts: number[]): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) return counts.map(() => 0);
  const floors = counts.map((c) => Math.floor((100 * c) / total));
  const order = counts
    .map((c, i) => ({ i, rem: (100 * c) % total }))
    .sort((x, y) => y.rem - x.rem || x.i - y.i);
  let missing = 100 - floors.reduce((s, f) => s + f, 0);
  for (const { i } of order) {
    if (missing-- <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
  }
  return floors;
}

export interface GroupMonthFigures {
  scores: Map<string, number>;
  counts: number[];
  shares: number[];
  weakShare: number;
  meanHundredths: number;
  headlineMeanHundredths: number;
  /** Dense rank by score, per agency id. */
  ranks: Map<string, number>;
}

export function figuresOf(
  rows: DesignedRow[],
  group: string,
  month: ExampleMonth,
  weakBands = 2,
): GroupMonthFigures {
  const ids = new Set(AGENCIES.filter((a) => a.active && a.group === group).map((a) => a.id));
  const mine = rows.filter((r) => r.month === month && ids.has(r.agencyId));
  const scores = new Map(mine.map((r) => [r.agencyId, scoreHundredths(r.values, ALL)]));
  const counts = BANDS.map(() => 0);
  for (const s of scores.values()) counts[bandOf(s)] = (counts[bandOf(s)] ?? 0) + 1;
  const sh = shares(counts);
  const headline = mine.map((r) => scoreHundredths(r.values, HEADLINE));
  const distinct = [...new Set(scores.values())].sort((a, b) => b - a);
  const ranks = new Map([...scores].map(([id, s]) => [id, distinct.indexOf(s) + 1]));
  const sum = (xs: Iterable<number>): number => [...xs].reduce((s, x) => s + x, 0);
  return {
    scores,
    counts,
    shares: sh,
    weakShare: sum(sh.slice(0, weakBands)),
    meanHundredths: roundDiv(sum(scores.values()), scores.size),
    headlineMeanHundredths: roundDiv(sum(headline), headline.length),
    ranks,
  };
}

/** The checks the example must pass; each returns a failure message or null. */
export function designFailures(rows: DesignedRow[]): string[] {
  const failures: string[] = [];
  const check = (ok: boolean, message: string): void => {
    if (!ok) failures.push(message);
  };
  const fig = (group: string, month: ExampleMonth): GroupMonthFigures =>
    figuresOf(rows, group, month);
  for (const group of GROUPS) {
    for (const month of MONTHS) {
      const f = fig(group, month);
      const want = BAND_COUNTS[group]?.[month] ?? [];
      check(
        f.counts.join('/') === want.join('/'),
        `${group} ${month}: counts ${f.counts.join('/')}, want ${want.join('/')}`,
      );
      for (const [id, s] of f.scores) {
        check(s < 8000, `${id} ${month} scored ${s / 100}, reaching the top band`);
        check(
          BANDS.every((b) => Math.abs(s - b.min * 100) >= 50 || b.min === 0),
          `${id} ${month} scored ${s / 100}, within 0.5 of a band edge`,
        );
      }
    }
  }
  const exec = (m: ExampleMonth): GroupMonthFigures => fig(EXECUTIVE, m);
  const gov = (m: ExampleMonth): GroupMonthFigures => fig(GOVERNORATE, m);
  check(exec('1403-01').weakShare === 91, 'executive weak share in Farvardin is not 91');
  check(exec('1403-02').weakShare === 91, 'executive weak share in Ordibehesht is not 91');
  check(exec(TIR).weakShare === 41, 'executive weak share in Tir is not 41');
  check(gov(TIR).weakShare === 80, 'governorates weak share in Tir is not 80');
  check(gov(KHORDAD).weakShare === 90, 'governorates weak share in Khordad is not 90');

  const before = exec(KHORDAD).headlineMeanHundredths;
  const now = exec(TIR).headlineMeanHundredths;
  const change = roundDiv(100 * (now - before), before);
  const exact = (100 * (now - before)) / before;
  check(change === HEADLINE_CHANGE, `headline change is ${change}%, want ${HEADLINE_CHANGE}%`);
  check(Math.abs(exact - HEADLINE_CHANGE) <= 0.1, `headline change ${exact}% is near an edge`);

  const activeIds = new Set(AGENCIES.filter((a) => a.active).map((a) => a.id));
  let previous: number[] | null = null;
  for (const month of MONTHS) {
    const all = rows
      .filter((r) => r.month === month && activeIds.has(r.agencyId))
      .map((r) => scoreHundredths(r.values, ALL));
    const means = [
      exec(month).meanHundredths,
      gov(month).meanHundredths,
      roundDiv(
        all.reduce((s, x) => s + x, 0),
        all.length,
      ),
    ];
    if (previous) {
      const p = previous;
      check(
        means.every((m, i) => m > (p[i] ?? Infinity)),
        `mean scores do not all improve in ${month}`,
      );
    }
    previous = means;
  }

  const rankIs = (f: GroupMonthFigures, rank: number, ids: string[]): void => {
    const holders = [...f.ranks].filter(([, r]) => r === rank).map(([id]) => id);
    check(
      holders.sort().join(',') === [...ids].sort().join(','),
      `rank ${rank} is held by ${holders.join(',')}, want ${ids.join(',')}`,
    );
  };
  rankIs(exec(TIR), 1, [ROADS, ELECTRICITY]);
  rankIs(exec(TIR), 2, [WELFARE, LABOUR]);
  rankIs(exec(TIR), 3, [INDUSTRY]);
  rankIs(gov(TIR), 1, [BADREH]);
  rankIs(gov(TIR), 2, [DEHLORAN]);
  rankIs(gov(TIR), 3, [CHARDAVOL]);

  for (const r of rows) {
    check(
      r.values.length === INDICATORS.length &&
        r.values.every((v, i) => v >= 0 && v <= (INDICATORS[i]?.max ?? 0)),
      `${r.agencyId} ${r.month}: a value is out of range`,
    );
  }
  return failures;
}

// ---------------------------------------------------------------------------------------
// Text forms shown in the example (all accepted: docs/workbook.md#cell-values)

const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const digits = (text: string, set: string): string =>
  text.replace(/[0-9]/g, (d) => set[Number(d)] ?? d);

type TextForm = 'persian' | 'arabic-indic' | 'spaced' | 'slash' | 'momayyez';
const TEXT_FORMS: { month: ExampleMonth; agencyId: string; form: TextForm }[] = [
  { month: '1403-01', agencyId: 'd012', form: 'persian' },
  { month: '1403-01', agencyId: 'f02', form: 'slash' },
  { month: '1403-02', agencyId: 'd023', form: 'slash' },
  { month: '1403-02', agencyId: 'd058', form: 'arabic-indic' },
  { month: '1403-03', agencyId: 'd041', form: 'momayyez' },
  { month: '1403-03', agencyId: 'd090', form: 'spaced' },
  { month: '1403-04', agencyId: 'd066', form: 'persian' },
  { month: '1403-04', agencyId: 'd019', form: 'slash' },
  { month: '1403-04', agencyId: 'f06', form: 'momayyez' },
];

/** Moves half a point between two same-sized indicators of one set: the score stays. */
function halfPointPair(values: number[]): [number, number] {
  for (const set of [HEADLINE, OTHER]) {
    for (const i of set) {
      const u = UNITS[i] ?? 0;
      if (u === 1 || (values[i] ?? 0) < 2) continue;
      const j = set.find(
        (k) => k !== i && UNITS[k] === u && (values[k] ?? 0) < (INDICATORS[k]?.max ?? 0),
      );
      if (j !== undefined) return [i, j];
    }
  }
  throw new KarnamehError('internal', 'no pair of indicators for a half point');
}

function applyTextForm(row: DesignedRow, form: TextForm): void {
  const { values, cells } = row;
  if (form === 'slash' || form === 'momayyez') {
    const [i, j] = halfPointPair(values);
    values[i] = (values[i] ?? 0) - 0.5;
    values[j] = (values[j] ?? 0) + 0.5;
    cells[i] = digits(String(values[i]), PERSIAN).replace('.', form === 'slash' ? '/' : '٫');
    cells[j] = values[j] ?? 0;
    return;
  }
  const i = values.findIndex((v) => v >= 2);
  if (i < 0) throw new KarnamehError('internal', 'no value to write as text');
  const text = String(values[i]);
  cells[i] =
    form === 'persian'
      ? digits(text, PERSIAN)
      : form === 'arabic-indic'
        ? digits(text, ARABIC_INDIC)
        : ` ${digits(text, PERSIAN)} `;
}

/** Month cells in other accepted forms: governorates' Ordibehesht and Tir rows. */
function monthCell(month: ExampleMonth, group: string): string {
  if (group === GOVERNORATE && month === '1403-02') return '۱۴۰۳/۰۲';
  if (group === GOVERNORATE && month === '1403-04') return 'تیر ۱۴۰۳';
  return month;
}

// ---------------------------------------------------------------------------------------

/** The quarter points and innovation share of the inactive agency's old rows. */
const INACTIVE_ROWS: { id: string; month: ExampleMonth; points: number }[] = [
  { id: 'd101', month: '1403-01', points: 250 },
  { id: 'd101', month: '1403-02', points: 262 },
];

/** Tunes Tir's headline/innovation split until the headline change is on target. */
function tuneHeadline(
  rows: DesignedRow[],
  split: Map<string, number>,
  points: Map<string, number>,
): void {
  const tir = rows.filter(
    (r) => r.month === TIR && AGENCIES.some((a) => a.id === r.agencyId && a.group === EXECUTIVE),
  );
  const before = figuresOf(rows, EXECUTIVE, KHORDAD).headlineMeanHundredths;
  const exactChange = (): number =>
    (100 * (figuresOf(rows, EXECUTIVE, TIR).headlineMeanHundredths - before)) / before;
  for (let n = 0; n < 20000; n++) {
    const change = exactChange();
    // One hundredth of the group mean moves the change by about 0.025 points.
    if (Math.abs(change - HEADLINE_CHANGE) <= 0.0125) return;
    const row = tir[n % tir.length];
    if (!row) break;
    const key = `${row.agencyId}/${TIR}`;
    const p = points.get(key) ?? 0;
    const other = split.get(key) ?? 0;
    const next = change < HEADLINE_CHANGE ? other - 1 : other + 1;
    if (next < 0 || next > 20 * OTHER.length || p - next > 20 * HEADLINE.length) continue;
    split.set(key, next);
    row.values = fillValues(row.agencyId, TIR, p, next);
    row.cells = [...row.values];
  }
  throw new KarnamehError('internal', 'could not tune the headline change');
}

/** The example's score rows, in sheet order: by month, then agencies in tab order. */
export function designRows(): DesignedRow[] {
  const points = placeScores();
  const split = new Map<string, number>();
  const rows: DesignedRow[] = [];
  for (const month of MONTHS) {
    for (const agency of AGENCIES) {
      const inactive = INACTIVE_ROWS.find((r) => r.id === agency.id && r.month === month);
      const p = agency.active ? points.get(`${agency.id}/${month}`) : inactive?.points;
      if (p === undefined) continue;
      const other = innovationPoints(agency.id, p);
      split.set(`${agency.id}/${month}`, other);
      const values = fillValues(agency.id, month, p, other);
      rows.push({
        month,
        agencyId: agency.id,
        values,
        cells: [...values],
        monthCell: monthCell(month, agency.group),
        note: NOTES.find((n) => n.month === month && n.agencyId === agency.id)?.note ?? null,
      });
    }
  }
  tuneHeadline(rows, split, points);
  for (const t of TEXT_FORMS) {
    const row = rows.find((r) => r.month === t.month && r.agencyId === t.agencyId);
    if (!row) throw new KarnamehError('internal', `no row for ${t.agencyId} ${t.month}`);
    applyTextForm(row, t.form);
  }
  return rows;
}

/** designRows(), refusing to return rows that miss any target of the article. */
export function checkedDesign(): DesignedRow[] {
  const rows = designRows();
  const failures = designFailures(rows);
  if (failures.length > 0) {
    throw new KarnamehError('internal', `the example misses its design:\n${failures.join('\n')}`);
  }
  return rows;
}
