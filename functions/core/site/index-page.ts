/** `index.html`: the latest month's headline, band shares and top ranks; every month; the method. */
import { esc, page, siteNameOf } from './site-html.ts';
import type { PublishedMonth } from './site-record.ts';
import { correctionNote, footerOf } from './month-page.ts';
import {
  announced,
  bandsSection,
  groupLead,
  methodSection,
  rankingTable,
} from './site-sections.ts';

/** The months newest first. */
const newestFirst = (months: readonly PublishedMonth[]): PublishedMonth[] =>
  [...months].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));

function latestSection(latest: PublishedMonth): string {
  const groups = latest.groups.map((group, i) => {
    const top = announced(group, latest.top);
    return `<h3 id="l${i}">${esc(group.plural)}</h3>
${groupLead(group, latest)}
${group.evaluated > 0 ? bandsSection(group, latest) : ''}
${top.length > 0 ? rankingTable(group, top) : ''}`;
  });
  return `<section aria-labelledby="latest">
<h2 id="latest">${esc(`آخرین ماه: ${latest.monthName}`)}</h2>
${correctionNote(latest)}
<p><strong>${esc(latest.headline)}</strong></p>
${groups.join('\n')}
<p><a href="${esc(latest.month)}/index.html">${esc(`گزارش کامل ${latest.monthName}`)}</a></p>
</section>`;
}

/** The site's front page, from the kept months (pure); empty of figures when none is kept. */
export function indexPage(months: readonly PublishedMonth[]): string {
  const sorted = newestFirst(months);
  const latest = sorted[0];
  const province = latest?.province ?? '';
  const list = sorted
    .map(
      (m) =>
        `<li><a href="${esc(m.month)}/index.html">${esc(m.monthName)}</a>${m.correctedAt ? ' (اصلاحیه)' : ''}</li>`,
    )
    .join('\n');
  const main = latest
    ? `<h1>${esc(siteNameOf(province))}</h1>
<p>${esc('نتایج ارزیابی ماهانه روابط‌عمومی‌های دستگاه‌های استان، همان‌گونه که در خبر هر ماه منتشر شده است.')}</p>
${latestSection(latest)}
<section aria-labelledby="months">
<h2 id="months">همه ماه‌ها</h2>
<ul>
${list}
</ul>
</section>
${methodSection(latest)}`
    : `<h1>ارزیابی روابط‌عمومی‌ها</h1>\n<p>هنوز نتیجه‌ای منتشر نشده است.</p>`;
  return page({
    title: latest ? siteNameOf(province) : 'ارزیابی روابط‌عمومی‌ها',
    siteName: latest ? siteNameOf(province) : 'ارزیابی روابط‌عمومی‌ها',
    home: 'index.html',
    main,
    footer: latest ? footerOf(latest) : '<p></p>',
  });
}
