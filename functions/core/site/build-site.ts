/** The static site from the kept months: every file's path, type and content (pure). */
import { toCsv } from '../release/results-csv.ts';
import { agencyFileName, agencyIds, agencyPage } from './agency-page.ts';
import { indexPage } from './index-page.ts';
import { monthPage } from './month-page.ts';
import type { PublishedMonth } from './site-record.ts';

export interface SiteFile {
  /** Relative, `/`-separated: `index.html`, `1403-04/results.csv`, `agencies/a03.html`. */
  path: string;
  contentType: string;
  content: string | Buffer;
}

/** A file the site builds (pages, CSV, JSON): text. */
export type BuiltFile = SiteFile & { content: string };

export interface BuildSiteOptions {
  /** Only this month's files (and the index and agency pages); all months when absent. */
  month?: string;
  /** Only the pages every month shares (the index, the agency pages). */
  sharedOnly?: boolean;
  /** Months whose folder holds `infographic.png`. */
  infographics?: ReadonlySet<string>;
}

const HTML_TYPE = 'text/html; charset=utf-8';
const CSV_TYPE = 'text/csv; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

const CSV_HEADER = ['ماه', 'گروه', 'رتبه', 'جایگاه', 'نام', 'امتیاز', 'سطح', 'وضعیت', 'دلیل'];

/** The month's published figures as open data: the ranks published, then the agencies not evaluated. */
function siteCsv(month: PublishedMonth): string {
  const rows: (string | number | null)[][] = [CSV_HEADER];
  for (const group of month.groups) {
    for (const e of group.ranking) {
      rows.push([
        month.monthName,
        group.name,
        e.rank,
        e.standing,
        e.name,
        e.score,
        e.band,
        'ارزیابی‌شده',
        null,
      ]);
    }
    for (const a of group.notEvaluated) {
      rows.push([
        month.monthName,
        group.name,
        null,
        null,
        a.name,
        null,
        null,
        'ارزیابی‌نشده',
        a.reason,
      ]);
    }
  }
  return toCsv(rows);
}

/** The month's record as the site serves it (`results.json`). */
const siteJson = (month: PublishedMonth): string => `${JSON.stringify(month, null, 2)}\n`;

/** Every file of the site (or of one month, with the index and agency pages). */
export function buildSite(
  months: readonly PublishedMonth[],
  options: BuildSiteOptions = {},
): BuiltFile[] {
  const files: BuiltFile[] = [];
  for (const month of months) {
    if (options.sharedOnly || (options.month && month.month !== options.month)) continue;
    const dir = month.month;
    const infographic = options.infographics?.has(month.month) ?? false;
    // The figures first: a publish stopped halfway has kept them, and the next one
    // rebuilds the pages from them.
    files.push(
      { path: `${dir}/results.json`, contentType: JSON_TYPE, content: siteJson(month) },
      { path: `${dir}/results.csv`, contentType: CSV_TYPE, content: siteCsv(month) },
      {
        path: `${dir}/index.html`,
        contentType: HTML_TYPE,
        content: monthPage(month, { infographic }),
      },
    );
  }
  files.push({ path: 'index.html', contentType: HTML_TYPE, content: indexPage(months) });
  for (const id of agencyIds(months)) {
    files.push({
      path: `agencies/${agencyFileName(id)}`,
      contentType: HTML_TYPE,
      content: agencyPage(id, months),
    });
  }
  return files;
}
