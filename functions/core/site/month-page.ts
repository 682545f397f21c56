/** `YYYY-MM/index.html`: what the release of the month says, as a page. */
import { monthOnlyName } from '../language/jalali.ts';
import { percentText, scoreFixedText } from '../language/persian-text.ts';
import { yearChart } from './site-charts.ts';
import { esc, jalaliDay, page, siteNameOf, table } from './site-html.ts';
import type { PublishedGroup, PublishedMonth } from './site-record.ts';
import { announced, bandsSection, groupLead, rankingTable } from './site-sections.ts';
import { agencyHref } from './agency-page.ts';

export interface MonthPageOptions {
  /** `infographic.png` (and .svg) sit beside the page. */
  infographic: boolean;
}

/** «اصلاحیه» with its date, when the month was corrected. */
export function correctionNote(month: PublishedMonth): string {
  if (!month.correctedAt) return '';
  return `<p class="note"><strong>اصلاحیه</strong>: ${esc(`این صفحه در ${jalaliDay(month.correctedAt)} اصلاح شد و جای نسخه پیشین را گرفت.`)}</p>`;
}

function groupSection(group: PublishedGroup, index: number, month: PublishedMonth): string {
  const shown = month.publicTable === 'all' ? group.ranking : announced(group, month.top);
  const link =
    month.publicTable === 'all'
      ? (entry: { id?: string }) => (entry.id ? `../agencies/${agencyHref(entry.id)}` : null)
      : null;
  const ranking =
    shown.length > 0
      ? `<h3>${esc(month.publicTable === 'all' ? 'رتبه‌بندی همه دستگاه‌های ارزیابی‌شده' : 'رتبه‌های برتر')}</h3>\n${rankingTable(group, shown, link)}`
      : '';
  return `<section aria-labelledby="g${index}">
<h2 id="g${index}">${esc(group.plural)}</h2>
${groupLead(group, month)}
${group.evaluated > 0 ? bandsSection(group, month) : ''}
${ranking}
</section>`;
}

/** The year so far: the weak share and the mean score of each group by month. */
function yearSection(month: PublishedMonth): string {
  const groups = month.groups.filter((g) => g.history.length > 1);
  if (groups.length === 0) return '';
  const parts = groups.map((group) => {
    const points = group.history.filter((h) => h.month <= month.month);
    const chart = yearChart(points, {
      weak: `سهم ${month.weakLabels} (درصد)`,
      mean: 'میانگین امتیاز',
    });
    const rows = points.map((h) => [
      esc(monthOnlyName(h.month)),
      esc(percentText(h.weakShare)),
      esc(scoreFixedText(h.meanScore)),
    ]);
    const caption = esc(`${group.plural}: روند سال`);
    const head = ['ماه', esc(`سهم ${month.weakLabels}`), 'میانگین امتیاز از ۱۰۰'];
    return `<h3>${esc(group.plural)}</h3>\n<figure>${chart}</figure>\n${table(caption, head, rows)}`;
  });
  return `<section aria-labelledby="year">
<h2 id="year">روند سال</h2>
${parts.join('\n')}
</section>`;
}

function notEvaluatedSection(month: PublishedMonth): string {
  const groups = month.groups.filter((g) => g.notEvaluated.length > 0);
  if (groups.length === 0) return '';
  const lists = groups.map(
    (group) =>
      `<h3>${esc(group.plural)}</h3>\n<ul>\n${group.notEvaluated
        .map((a) => `<li>${esc(`${a.name}: ${a.reason}`)}</li>`)
        .join('\n')}\n</ul>`,
  );
  return `<section aria-labelledby="missing">
<h2 id="missing">دستگاه‌های ارزیابی‌نشده</h2>
${lists.join('\n')}
</section>`;
}

/** The month's page, from its kept figures alone (pure). */
export function monthPage(month: PublishedMonth, options: MonthPageOptions): string {
  const name = month.monthName;
  const infographic = options.infographic
    ? `<figure><img src="infographic.png" width="1080" height="1350" alt="${esc(`اینفوگرافیک ارزیابی روابط‌عمومی‌های استان ${month.province}، ${name}: ${month.headline}`)}"><figcaption><a href="infographic.svg">نسخه SVG اینفوگرافیک</a></figcaption></figure>`
    : '';
  const main = `${correctionNote(month)}
<p class="meta">${esc(`ارزیابی ${name}`)}</p>
<h1>${esc(month.headline)}</h1>
${month.lede ? `<p>${esc(month.lede)}</p>` : ''}
${infographic}
${month.groups.map((group, i) => groupSection(group, i, month)).join('\n')}
${yearSection(month)}
${notEvaluatedSection(month)}
<section aria-labelledby="data">
<h2 id="data">داده‌های باز</h2>
<ul>
<li><a href="results.csv">نتایج ماه (CSV، برای Excel)</a></li>
<li><a href="results.json">نتایج ماه (JSON)</a></li>
</ul>
<p><a href="../index.html#method">روش ارزیابی</a> · <a href="../index.html">همه ماه‌ها</a></p>
</section>`;
  return page({
    title: `${siteNameOf(month.province)} — ${name}`,
    siteName: siteNameOf(month.province),
    home: '../index.html',
    main,
    footer: footerOf(month),
  });
}

/** Source and date: who published the figures, and when. */
export function footerOf(month: PublishedMonth): string {
  const source = month.source ? `منبع: ${month.source}. ` : '';
  return `<p>${esc(`${source}تاریخ انتشار: ${jalaliDay(month.sentAt)}.`)}</p>`;
}
