/**
 * A month's run on the Sheets stand-in over real SMTP, as the claim tests run it: its own
 * store instance and mailer each time (two calls at once are two processes' runs), the
 * runs tab read back from the stand-in.
 */
import { createReleaseRenderer } from '../../functions/adapters/mail/render-release.ts';
import { createSmtpMailer } from '../../functions/adapters/mail/smtp-mailer.ts';
import { readRunsLog, type RunsEntry } from '../../functions/core/contract/runs-log.ts';
import { TABS } from '../../functions/core/contract/tabs.ts';
import type { RenderCard } from '../../functions/ports.ts';
import { runMonth } from '../../functions/use-cases/run-month.ts';
import { MAIL_FROM } from './functions-harness.ts';
import { standInStore } from './sheets-fixtures.ts';
import type { SheetsStandIn } from './sheets-stand-in.ts';

const MONTH = '1403-04';
const render = createReleaseRenderer();
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Runs MONTH on sheet `id` as run `runId`, mail to the SMTP server at `smtpUrl`. */
export async function runOnStandIn(
  standIn: SheetsStandIn,
  id: string,
  smtpUrl: string,
  runId: string,
  renderCard?: RenderCard,
) {
  const mailer = createSmtpMailer({ url: smtpUrl, from: MAIL_FROM });
  try {
    return await runMonth(
      {
        store: standInStore(standIn, id),
        mailer,
        render,
        ...(renderCard ? { renderCard } : {}),
        now: () => new Date(),
        newRunId: () => runId,
        log: quiet,
      },
      { month: MONTH },
    );
  } finally {
    await mailer.close();
  }
}

/** The runs tab of sheet `id`, as entries. */
export const runsOnStandIn = (standIn: SheetsStandIn, id: string): RunsEntry[] =>
  readRunsLog({ name: 'runs', rows: standIn.tabRows(id, TABS.runs.label) });
