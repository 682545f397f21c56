/** Publishing the public site: one month as a run sends it, the whole site, or a dry run's preview. */
import { KarnamehError } from '../core/contract/errors.ts';
import { buildSite, type SiteFile } from '../core/site/build-site.ts';
import type { PublishedMonth } from '../core/site/site-record.ts';
import type { SiteStore } from '../ports.ts';

/** The infographic's files in a month's folder, with their types. */
const PICTURE_FILES = [
  ['infographic.png', 'image/png'],
  ['infographic.svg', 'image/svg+xml'],
] as const;

export interface PublishReport {
  /** The months on the site after it, oldest first. */
  months: string[];
  /** How many files were written. */
  files: number;
}

const withMonth = (kept: readonly PublishedMonth[], month: PublishedMonth): PublishedMonth[] =>
  [...kept.filter((m) => m.month !== month.month), month].sort((a, b) =>
    a.month < b.month ? -1 : 1,
  );

/**
 * A sending run's month: kept in `store` (its `results.json`, replacing any earlier one: a
 * correction) with its pages, the index and, with `public_table: all`, the agency pages.
 */
export async function publishMonth(
  store: SiteStore,
  month: PublishedMonth,
  picture: SiteFile[] = [],
): Promise<PublishReport> {
  let months = withMonth(await store.readMonths(), month);
  const infographics = await store.infographics();
  if (picture.some((f) => f.path === `${month.month}/infographic.png`))
    infographics.add(month.month);
  // The picture first, so that the page never links to one not there yet.
  const files = [...picture, ...buildSite(months, { month: month.month, infographics })];
  await store.write(files);
  let written = files.length;
  // Another run may have kept its month meanwhile (two months sent at once) and written an
  // index without this one: the shared pages are written again until they list every month.
  for (let round = 0; round < 3; round++) {
    const now = withMonth(await store.readMonths(), month);
    if (sameMonths(now, months)) break;
    months = now;
    const shared = buildSite(months, { sharedOnly: true, infographics });
    await store.write(shared);
    written += shared.length;
  }
  return { months: months.map((m) => m.month), files: written };
}

const sameMonths = (a: readonly PublishedMonth[], b: readonly PublishedMonth[]): boolean =>
  a.length === b.length && a.every((m, i) => m.month === b[i]?.month && m.sentAt === b[i]?.sentAt);

/**
 * `karnameh publish`: the pages of every month kept in `from` (or of `month` alone, with
 * the index) into `to`, from the figures as they were sent.
 */
export async function publishSite(
  from: SiteStore,
  to: SiteStore,
  options: { month?: string } = {},
): Promise<PublishReport> {
  const months = (await from.readMonths()).sort((a, b) => (a.month < b.month ? -1 : 1));
  // An index listing no month would replace a good site (a mistyped --outbox): nothing is written.
  if (months.length === 0) {
    throw new KarnamehError(
      'usage',
      `no month kept in ${from.location}: nothing published (a run that sends a month keeps its figures there; is --outbox right?)`,
    );
  }
  if (options.month && !months.some((m) => m.month === options.month)) {
    throw new KarnamehError(
      'usage',
      `${options.month} has no kept figures in ${from.location} (${options.month}/results.json): a run that sends the month keeps them; kept: ${months.map((m) => m.month).join(', ') || 'none'}`,
    );
  }
  // Each month's infographic goes along when the site is written elsewhere (--out).
  const pictures: SiteFile[] = [];
  const infographics = await from.infographics();
  if (from.location !== to.location) {
    for (const month of infographics) {
      if (options.month && month !== options.month) continue;
      for (const [name, type] of PICTURE_FILES) {
        const path = `${month}/${name}`;
        const content = await from.readFile(path).catch(() => null);
        if (content) pictures.push({ path, contentType: type, content });
      }
    }
  }
  const files = buildSite(months, {
    ...(options.month ? { month: options.month } : {}),
    infographics,
  });
  await to.write([...pictures, ...files]);
  return { months: months.map((m) => m.month), files: files.length };
}

/** A dry run: the whole site as it would be with this month, into the preview store. */
export async function previewSite(
  kept: SiteStore,
  preview: SiteStore,
  month: PublishedMonth,
): Promise<PublishReport> {
  const months = withMonth(await kept.readMonths(), month);
  const files = buildSite(months, { infographics: await preview.infographics() });
  await preview.write(files);
  return { months: months.map((m) => m.month), files: files.length };
}
