/** After a release went out: its month kept and published on the public site; the run row says how. */
import type { SiteFile } from '../../core/site/build-site.ts';
import { publishedMonth, type PublishedMonth } from '../../core/site/site-record.ts';
import type { RenderedRelease } from '../../ports.ts';
import type { DeliveryResult } from '../delivery-ledger/deliver.ts';
import type { RunMonthOutcome } from './types.ts';
import { previewSite, publishMonth } from '../publish-site.ts';
import type { RunsEntry } from '../../core/contract/runs-log.ts';
import { releaseInput } from './release-items.ts';
import type { MonthRun } from './read-and-decide.ts';

/** The month as the site keeps it, from what this run sent (or, in a dry run, would send). */
function keptMonth(run: MonthRun, rendered: RenderedRelease, correction: boolean): PublishedMonth {
  const { model } = run.parsed;
  return publishedMonth({
    release: releaseInput(run, correction),
    headline: rendered.headline ?? rendered.subject,
    lede: rendered.lede ?? null,
    indicators: model.indicators,
    publicTable: model.settings.publicTable,
    sentAt: run.ports.now(),
  });
}

/** The month's infographic as site files (`YYYY-MM/infographic.png` and `.svg`), when it has one. */
async function pictureFiles(rendered: RenderedRelease): Promise<SiteFile[]> {
  const picture = rendered.infographic;
  if (!picture) return [];
  return [
    {
      path: `${picture.month}/infographic.png`,
      contentType: 'image/png',
      content: await picture.png(),
    },
    {
      path: `${picture.month}/infographic.svg`,
      contentType: 'image/svg+xml',
      content: picture.svg,
    },
  ];
}

export interface SiteOutcome {
  /** For the person: where the pages went, or why not. */
  line: string;
  /** For the run row (Persian): published, or not and why. */
  note: string;
  /** True when publishing was tried and failed (logged as an error). */
  failed: boolean;
}

/** Publishes the month the run sent; what became of it (null when the run has no site). */
async function publishSent(
  run: MonthRun,
  rendered: RenderedRelease,
  correction: boolean,
): Promise<SiteOutcome | null> {
  const site = run.ports.site;
  if (!site) return null;
  if (!site.store) {
    return {
      note: `صفحه‌های عمومی منتشر نشد: ${site.none ?? 'جایی برای آن تعیین نشده است'}`,
      line: 'public pages not published: no site bucket (KARNAMEH_SITE_BUCKET)',
      failed: false,
    };
  }
  try {
    const picture = await pictureFiles(rendered);
    await publishMonth(site.store, keptMonth(run, rendered, correction), picture);
    return {
      note: 'صفحه‌های عمومی منتشر شد',
      line: `public pages written to ${site.store.location}`,
      failed: false,
    };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    run.ports.log.error(`public pages not published: ${why}`, { runId: run.runId });
    return {
      note: `صفحه‌های عمومی منتشر نشد: ${why}`,
      line: `public pages NOT published (${why}); the figures were not kept: correct the cause, then send the month again with --force`,
      failed: true,
    };
  }
}

/**
 * The public pages of a run that sends: published after the last message, just before the
 * run row's last word (which then says how, in the same write: no Sheets call of its own),
 * when the release reached someone in this run. A failure to publish leaves the exit code
 * to the mail (the release went out); it is logged as an error and said in the run row and
 * the message.
 */
export function sitePublisher(
  run: MonthRun,
  rendered: RenderedRelease,
  correction: boolean,
  release: () => DeliveryResult | null,
) {
  let done: SiteOutcome | null = null;
  return {
    beforeClose: async (): Promise<void> => {
      if (release()?.outcomes.some((o) => o.status === 'sent')) {
        done = await publishSent(run, rendered, correction);
      }
    },
    /** The closing row with what became of the pages added to its detail. */
    close: (row: Pick<RunsEntry, 'status' | 'detail'>): Pick<RunsEntry, 'status' | 'detail'> =>
      done ? { ...row, detail: [row.detail, done.note].filter(Boolean).join('؛ ') } : row,
    /** The outcome with the pages' line added to its message. */
    report: (outcome: RunMonthOutcome): RunMonthOutcome =>
      done ? { ...outcome, message: `${outcome.message}; ${done.line}` } : outcome,
  };
}

export type SitePublisher = ReturnType<typeof sitePublisher>;

/** A dry run: the whole site with this month into the preview folder; its index's path. */
export async function previewMonth(
  run: MonthRun,
  rendered: RenderedRelease,
  correction: boolean,
): Promise<string[]> {
  const site = run.ports.site;
  if (!site?.preview) return [];
  const kept = site.store ?? site.preview;
  await previewSite(kept, site.preview, keptMonth(run, rendered, correction));
  return [`${site.preview.location}/index.html`];
}
