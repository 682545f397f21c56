/** The release's ledger items: one message per recipient, with its attachments. */
import type { OutgoingMail, RenderedRelease } from '../../ports.ts';
import type { LedgerItem } from '../delivery-ledger/ledger.ts';
import { outgoingMail } from '../outgoing-mail.ts';

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
    mail: outgoingMail(to, rendered, rendered.headers, attachments),
  }));
};
