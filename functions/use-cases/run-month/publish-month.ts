/** After a release went out: its month kept and published on the public site; the run row says how. */
import type { SiteFile } from '../../core/site/build-site.ts';
import { publishedMonth, type PublishedMonth } from '../../core/site/site-record.ts';
import type { RenderedRelease } from '../../ports.ts';
import type { Claim } from '../delivery-ledger/claim.ts';
import type { DeliveryResult } from '../delivery-ledger/deliver.ts';
import type { RunMonthOutcome } from './types.ts';
import { previewSite, publishMonth } from '../publish-site.ts';
import { releaseInput, writeLogged } from './outcome.ts';
import type { MonthRun } from './read-and-decide.ts';

/** The month as the site keeps it, from what this run sent (or, in a dry run, would send). */
export function keptMonth(
  run: MonthRun,
  rendered: RenderedRelease,
  correction: boolean,
): PublishedMonth {
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
  /** True when publishing was tried and failed (logged as an error). */
  failed: boolean;
}

/**
 * Publishes the month the run sent, then adds to its run row what became of the public
 * pages (published, not published and why). Null when the run has no site at all.
 */
export async function publishSent(
  run: MonthRun,
  claim: Claim,
  rendered: RenderedRelease,
  correction: boolean,
): Promise<SiteOutcome | null> {
  const site = run.ports.site;
  if (!site) return null;
  let note: string;
  let outcome: SiteOutcome;
  if (!site.store) {
    note = `صفحه‌های عمومی منتشر نشد: ${site.none ?? 'جایی برای آن تعیین نشده است'}`;
    outcome = {
      line: 'public pages not published: no site bucket (KARNAMEH_SITE_BUCKET)',
      failed: false,
    };
  } else {
    try {
      const picture = await pictureFiles(rendered);
      await publishMonth(site.store, keptMonth(run, rendered, correction), picture);
      note = 'صفحه‌های عمومی منتشر شد';
      outcome = { line: `public pages written to ${site.store.location}`, failed: false };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      note = `صفحه‌های عمومی منتشر نشد: ${why}`;
      outcome = {
        line: `public pages NOT published (${why}); the figures were not kept: correct the cause, then send the month again with --force`,
        failed: true,
      };
      run.ports.log.error(`public pages not published: ${why}`, { runId: run.runId });
    }
  }
  claim.entry.detail = [claim.entry.detail, note].filter(Boolean).join('؛ ');
  try {
    await writeLogged(run, { outputs: {}, runs: [claim.entry] });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    run.ports.log.warn(`the run row could not say what became of the public pages: ${why}`);
  }
  return outcome;
}

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

/** What a run sent, for the site. */
export interface SentRelease {
  claim: Claim;
  rendered: RenderedRelease;
  correction: boolean;
  result: DeliveryResult;
}

/**
 * After the release: when it reached someone in this run, its month is published and the
 * outcome's message says how. A failure to publish leaves the exit code to the mail (the
 * release went out); it is logged as an error and said in the run row and the message.
 */
export async function publishAfter(
  run: MonthRun,
  sent: SentRelease,
  outcome: RunMonthOutcome,
): Promise<RunMonthOutcome> {
  if (!sent.result.outcomes.some((o) => o.status === 'sent')) return outcome;
  const site = await publishSent(run, sent.claim, sent.rendered, sent.correction);
  return site ? { ...outcome, message: `${outcome.message}; ${site.line}` } : outcome;
}
