/** The release of a run: what its templates get, and its ledger items (one message per recipient, with its attachments). */
import { releaseWording, type ReleaseInput } from '../../core/release/release-input.ts';
import type { OutgoingMail, RenderedRelease } from '../../ports.ts';
import type { LedgerItem } from '../delivery-ledger/ledger.ts';
import type { MonthRun } from './read-and-decide.ts';

type Attachment = OutgoingMail['attachments'][number];

/** The release's attachments: the results CSV, and the infographic's PNG (rendered once) shown inline. */
async function attachmentsOf(rendered: RenderedRelease): Promise<Attachment[]> {
  const picture = rendered.infographic;
  if (picture === undefined) return [rendered.attachment];
  const png = { filename: picture.filename, contentType: 'image/png', cid: picture.cid };
  return [rendered.attachment, { ...png, content: await picture.png() }];
}

export const itemsFor = async (
  recipients: { email: string; name: string | null }[],
  rendered: RenderedRelease,
): Promise<LedgerItem[]> => {
  const attachments = await attachmentsOf(rendered);
  return recipients.map((to) => ({
    key: to.email.toLowerCase(),
    mail: {
      to,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      attachments,
      headers: rendered.headers,
    },
  }));
};

/** What the release templates get. */
export function releaseInput(run: MonthRun, correction: boolean, test = false): ReleaseInput {
  const { model } = run.parsed;
  return {
    summary: run.summary,
    province: model.settings.province,
    spokesperson: model.settings.spokesperson,
    spokespersonTitle: model.settings.spokespersonTitle,
    top: model.settings.top,
    weakBands: model.settings.weakBands,
    indicatorCount: model.indicators.length,
    dimensions: model.dimensions,
    runId: run.runId,
    contentHash: run.ledger.contentHash,
    computedAt: run.startedAt,
    correction,
    test,
    ...releaseWording(model, run.parsed.problems, run.month),
  };
}
