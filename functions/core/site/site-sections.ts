/** Pieces of the public pages shared by the month page and the index: shares, ranks, the method. */
import { monthOnlyName } from '../language/jalali.ts';
import {
  joinList,
  numberWords,
  ordinalWord,
  outOf100Text,
  percentText,
  persianNumber,
} from '../language/persian-text.ts';
import { bandsChart } from './site-charts.ts';
import { esc, table } from './site-html.ts';
import type { PublishedGroup, PublishedMonth, PublishedRank } from './site-record.ts';

/** A percent with its count: «۴۱ درصد (۴۱)» (the caption says what the count counts). */
const share = (percent: number, count: number): string =>
  `${percentText(percent)} (${persianNumber(count)})`;

/** One group's band shares: a chart for the eye and the same figures as a table. */
export function bandsSection(group: PublishedGroup, month: PublishedMonth): string {
  const nowName = monthOnlyName(month.month);
  const beforeName = month.previousMonth ? monthOnlyName(month.previousMonth) : '';
  const before = group.previousBands;
  const chart = bandsChart(group.bands, before, { now: nowName, before: beforeName });
  const head = ['سطح', esc(`${nowName}`), ...(before ? [esc(beforeName)] : [])];
  const rows = group.bands.map((band, i) => {
    const previous = before?.[i];
    return [
      esc(band.label),
      esc(share(band.percent, band.count)),
      ...(before ? [previous ? esc(share(previous.percent, previous.count)) : '—'] : []),
    ];
  });
  const caption = esc(`سهم هر سطح در ${group.plural}: درصد و، در پرانتز، شمار ${group.plural}`);
  return `<figure>${chart}</figure>\n${table(caption, head, rows)}`;
}

/** The headline figures of one group in a sentence or two. */
export function groupLead(group: PublishedGroup, month: PublishedMonth): string {
  const parts = [`${persianNumber(group.evaluated)}\u00A0${group.name} ارزیابی شد.`];
  if (group.meanScore !== null) {
    const before =
      group.previousMeanScore !== null && month.previousMonth
        ? ` (${monthOnlyName(month.previousMonth)}: ${outOf100Text(group.previousMeanScore)})`
        : '';
    parts.push(`میانگین امتیاز: ${outOf100Text(group.meanScore)}${before}.`);
  }
  if (group.weakShare !== null && month.weakLabels) {
    const before =
      group.previousWeakShare !== null && month.previousMonth
        ? ` (${monthOnlyName(month.previousMonth)}: ${percentText(group.previousWeakShare)})`
        : '';
    parts.push(
      `سهم روابط‌عمومی‌های ${month.weakLabels}: ${percentText(group.weakShare)}${before}.`,
    );
  }
  const same = group.likeForLike;
  const changed = same && (same.joined > 0 || same.left > 0);
  if (
    changed &&
    same.meanScore !== null &&
    same.previousMeanScore !== null &&
    month.previousMonth
  ) {
    parts.push(
      `بر پایه ${persianNumber(same.agencies)}\u00A0${group.name} که در هر دو ماه ارزیابی شد، میانگین از ${outOf100Text(same.previousMeanScore)} در ${monthOnlyName(month.previousMonth)} به ${outOf100Text(same.meanScore)} رسید.`,
    );
  }
  return `<p>${esc(parts.join(' '))}</p>`;
}

/**
 * The rank as the release says it (docs/texts.md#ranks-in-words): «دوم», «دوم
 * (مشترک)», and a dense rank below its standing with how many scored higher: «دوم
 * (مشترک)؛ دو دستگاه اجرایی امتیاز بیشتری گرفتند».
 */
function rankWords(
  entry: PublishedRank,
  ranking: readonly PublishedRank[],
  singular: string,
): string {
  const shared = ranking.filter((other) => other.rank === entry.rank).length > 1;
  const word = `${ordinalWord(entry.rank)}${shared ? ' (مشترک)' : ''}`;
  const higher = entry.standing - 1;
  return higher > entry.rank - 1
    ? `${word}؛ ${numberWords(higher)} ${singular} امتیاز بیشتری گرفتند`
    : word;
}

/** The standing, the only place «X از N» is written: «۳ از ۱۰۰». */
const standingWords = (entry: PublishedRank, evaluated: number): string =>
  `${persianNumber(entry.standing)}\u00A0از\u00A0${persianNumber(evaluated)}`;

/** The place in one cell: the rank as the release says it, then the standing «۳ از ۱۰۰». */
export const placeCell = (entry: PublishedRank, group: PublishedGroup): string =>
  `${esc(rankWords(entry, group.ranking, group.name))}<br>${esc(standingWords(entry, group.evaluated))}`;

/** The ranking of one group as a table: the announced ranks, or every evaluated agency. */
export function rankingTable(
  group: PublishedGroup,
  entries: readonly PublishedRank[],
  link: ((entry: PublishedRank) => string | null) | null = null,
): string {
  const rows = entries.map((entry) => {
    const href = link?.(entry) ?? null;
    const name = href ? `<a href="${esc(href)}">${esc(entry.name)}</a>` : esc(entry.name);
    return [
      placeCell(entry, group),
      name,
      `${esc(persianNumber(entry.score))}<br>${esc(entry.band)}`,
    ];
  });
  const head = ['رتبه و جایگاه', 'نام', 'امتیاز از ۱۰۰ و سطح'];
  return table(esc(`رتبه‌بندی ${group.plural}`), head, rows);
}

/** The ranks the release announced (the first `top` ranks), whatever the table shows. */
export const announced = (group: PublishedGroup, top: number): PublishedRank[] =>
  group.ranking.filter((entry) => entry.rank >= 1 && entry.rank <= top);

/** The method in plain Persian: indicators by dimension with max and weight; bands with thresholds. */
export function methodSection(month: PublishedMonth): string {
  const { indicators, bands } = month.method;
  const dimensions = [...new Set(indicators.map((i) => i.dimension))];
  const intro =
    indicators.length > 0 && indicators.length < 1_000_000
      ? `روابط‌عمومی‌ها هر ماه با ${numberWords(indicators.length)} شاخص در ${numberWords(dimensions.length)} محور ${joinList(dimensions)} ارزیابی می‌شوند و امتیاز هر دستگاه از ۱۰۰ است.`
      : 'روابط‌عمومی‌ها هر ماه ارزیابی می‌شوند و امتیاز هر دستگاه از ۱۰۰ است.';
  const tables = dimensions.map((dimension) => {
    const rows = indicators
      .filter((i) => i.dimension === dimension)
      .map((i) => [esc(i.title), esc(persianNumber(i.max)), esc(persianNumber(i.weight))]);
    return table(esc(`محور ${dimension}`), ['شاخص', 'حداکثر امتیاز', 'وزن'], rows);
  });
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  const thresholds = sorted.map((band, i) => {
    const next = sorted[i + 1];
    const range = next
      ? `از ${persianNumber(band.min)} تا کمتر از ${persianNumber(next.min)}`
      : `${persianNumber(band.min)} و بالاتر`;
    return `<li>${esc(`${band.label}: ${range}`)}</li>`;
  });
  return `<h2 id="method">روش ارزیابی</h2>
<p>${esc(intro)}</p>
${tables.join('\n')}
<p>${esc(`هر دستگاه بر پایه امتیازش در یکی از ${numberWords(Math.max(sorted.length, 1))} سطح قرار می‌گیرد:`)}</p>
<ul>
${thresholds.join('\n')}
</ul>`;
}
