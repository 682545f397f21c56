/** `agencies/<id>.html` (only with `public_table: all`): one agency's months. */
import { persianNumber } from '../language/persian-text.ts';
import { scoreChart } from './site-charts.ts';
import { esc, page, siteNameOf, table } from './site-html.ts';
import type { PublishedMonth } from './site-record.ts';
import { placeCell } from './site-sections.ts';

/**
 * A file name from an agency id (from the sheet): letters, digits, `_` and `-` as they are,
 * anything else percent-encoded twice over (`%25XX`, so the link's own decoding gives the
 * file's `%XX` name back); no id can leave the folder or collide.
 */
export function agencyFileName(id: string): string {
  const safe = id.replace(/[^\p{L}\p{N}_-]/gu, (c) =>
    [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase()}`).join(''),
  );
  return `${safe === '' ? '%' : safe}.html`;
}

/** The agency page's link (the file name with `%` escaped for a URL). */
export const agencyHref = (id: string): string => agencyFileName(id).replace(/%/g, '%25');

/** Every agency published with its id, in the months where the table was `all`. */
export function agencyIds(months: readonly PublishedMonth[]): string[] {
  const ids = new Set<string>();
  for (const month of months) {
    if (month.publicTable !== 'all') continue;
    for (const group of month.groups) for (const e of group.ranking) if (e.id) ids.add(e.id);
  }
  return [...ids].sort();
}

/** The agency's page: score, band and place by month, as a table and a small chart (pure). */
export function agencyPage(id: string, months: readonly PublishedMonth[]): string {
  const rows: { month: PublishedMonth; cells: string[]; score: number; name: string }[] = [];
  for (const month of [...months].sort((a, b) => (a.month < b.month ? -1 : 1))) {
    if (month.publicTable !== 'all') continue;
    for (const group of month.groups) {
      const entry = group.ranking.find((e) => e.id === id);
      if (!entry) continue;
      rows.push({
        month,
        score: entry.score,
        name: entry.name,
        cells: [
          `<a href="../${esc(month.month)}/index.html">${esc(month.monthName)}</a>`,
          `${esc(persianNumber(entry.score))}<br>${esc(entry.band)}`,
          placeCell(entry, group),
        ],
      });
    }
  }
  const latest = rows[rows.length - 1];
  const name = latest?.name ?? id;
  const province = latest?.month.province ?? months[0]?.province ?? '';
  const chart = scoreChart(
    rows.map((r) => ({ month: r.month.month, score: r.score })),
    'امتیاز از ۱۰۰',
  );
  const head = ['ماه', 'امتیاز از ۱۰۰ و سطح', 'رتبه و جایگاه در گروه'];
  const main = `<h1>${esc(name)}</h1>
<p>${esc('امتیاز، سطح و جایگاه این دستگاه در ماه‌هایی که ارزیابی و منتشر شده است.')}</p>
<figure>${chart}</figure>
${table(
  esc(`کارنامه ماهانه ${name}`),
  head,
  rows.map((r) => r.cells),
)}
<p><a href="../index.html">همه ماه‌ها</a></p>`;
  return page({
    title: `${name} — ${siteNameOf(province)}`,
    siteName: siteNameOf(province),
    home: '../index.html',
    main,
    footer: latest ? `<p>${esc(`آخرین ماه: ${latest.month.monthName}.`)}</p>` : '<p></p>',
  });
}
