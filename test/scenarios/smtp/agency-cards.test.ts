/**
 * The agencies' cards over a real SMTP exchange on loopback (issue 12): one card per active
 * agency with an email, addressed to it alone, after the release, exactly once per month
 * through the delivery ledger (kind `card`); a 550 for one agency, then a rerun; `--force`
 * after a change in one agency's scores; `--to ADDRESS --agency ID`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseMonthCell } from '../../../functions/core/contract/cell-values.ts';
import { scratch } from '../../support/cli-harness.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';
import {
  RECIPIENTS,
  addresses,
  editTab,
  runOverSmtp,
  runsOf,
  tabOf,
} from '../../support/mail-fixtures.ts';

type Box = Awaited<ReturnType<typeof scratch>>;
let box: Box;
let smtp: TestSmtpServer;
beforeEach(async () => {
  box = await scratch();
  smtp = await startSmtpServer();
});
afterEach(async () => {
  await smtp.close();
  await box.cleanup();
});

const run = (...args: string[]) => runOverSmtp(box, smtp.url, ...args);
const release = new Set<string>(RECIPIENTS);

/** The example's active agencies with an address: id → address (lower-case). */
async function agencyAddresses(): Promise<Map<string, string>> {
  const tab = await tabOf(box.workbook, 'agencies');
  const map = new Map<string, string>();
  for (const row of tab?.rows.slice(1) ?? []) {
    const [id, , , active, email] = row.map((c) => (c === null ? '' : String(c).trim()));
    if (id && email && active !== 'خیر') map.set(id, email.toLowerCase());
  }
  return map;
}

const cardsOf = (smtp: TestSmtpServer) =>
  smtp.received.filter((m) => !m.envelope.to.some((a) => release.has(a)));

describe('agency report cards over SMTP', () => {
  it('sends one card to each active agency with an email, addressed to it alone, after the release', async () => {
    const agencies = await agencyAddresses();
    expect(agencies.size).toBeGreaterThan(50);
    const result = await run();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`cards sent to ${agencies.size} agencies`);

    // The release first, then the cards, all on one pooled connection.
    expect(smtp.received.slice(0, 3).map((m) => m.envelope.to)).toEqual(RECIPIENTS.map((a) => [a]));
    expect(smtp.connections()).toBe(1);
    const cards = cardsOf(smtp);
    expect(cards).toHaveLength(agencies.size);
    const expected = Object.fromEntries([...agencies.values()].map((a) => [a, 1]));
    const got: Record<string, number> = {};
    for (const card of cards) {
      expect(card.envelope.to).toHaveLength(1);
      expect(addresses(card.parsed.to)).toEqual(card.envelope.to);
      expect(card.parsed.cc).toBeUndefined();
      expect(card.parsed.bcc).toBeUndefined();
      expect(card.parsed.attachments).toHaveLength(0);
      const to = card.envelope.to[0] ?? '';
      got[to] = (got[to] ?? 0) + 1;
    }
    expect(got).toEqual(expected);
    // d001's card names d001, in its subject and body.
    const d001 = cards.find((m) => m.envelope.to[0] === agencies.get('d001'));
    expect(d001?.parsed.subject).toContain('اداره کل آموزش و پرورش');
    expect(d001?.parsed.subject).toContain('تیر ۱۴۰۳');
    expect(d001?.parsed.text).toContain('اداره کل آموزش و پرورش');

    const runs = await runsOf(box.workbook);
    const cardRows = runs.filter((e) => e.kind === 'card');
    expect(cardRows).toHaveLength(agencies.size);
    // Each card carries the run id and its own content hash (its card row's `digest` column) in
    // its headers, and neither in the text its reader reads.
    const runEntry = runs.find((e) => e.kind === 'run');
    for (const card of cards) {
      const to = card.envelope.to[0] ?? '';
      const row = cardRows.find((r) => r.recipient.endsWith(`:${to}`));
      expect(card.parsed.headers.get('x-karnameh-run')).toBe(runEntry?.runId);
      expect(card.parsed.headers.get('x-karnameh-digest')).toBe(row?.contentHash);
      expect(card.parsed.text).not.toContain(runEntry?.runId ?? '—');
      expect(String(card.parsed.html)).not.toContain(row?.contentHash ?? '—');
    }
    for (const row of cardRows) {
      expect(row.status).toBe('sent');
      expect(row.contentHash).toMatch(/^[0-9a-f]{16}$/);
      expect(row.detail).toMatch(/^<.+>$/);
      const [id, email] = row.recipient.split(':');
      expect(agencies.get(id ?? '')).toBe(email);
    }
    const runRow = runs.find((e) => e.kind === 'run');
    expect(runRow?.status).toBe('sent');
    expect(runRow?.detail).toContain('ارسال به 3 گیرنده');
    expect(runRow?.detail).toContain(`کارنامه: ارسال به ${agencies.size} دستگاه`);

    // A second run sends nothing: the release and every card were reached.
    const again = await run();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('already sent');
    expect(smtp.received).toHaveLength(3 + agencies.size);
  });

  it('a 550 for one agency: the run is partial; the rerun sends that card alone, nobody a second', async () => {
    const agencies = await agencyAddresses();
    const refused = agencies.get('d002') ?? '';
    smtp.faults.rejectRcpt.add(refused);
    const first = await run();
    expect(first.code).toBe(3);
    expect(first.stderr).toContain(`not reached: d002:${refused}`);
    expect(smtp.countFor(refused)).toBe(0);
    expect(cardsOf(smtp)).toHaveLength(agencies.size - 1);
    let runs = await runsOf(box.workbook);
    expect(runs.find((e) => e.kind === 'run')?.status).toBe('partial');
    expect(runs.find((e) => e.recipient === `d002:${refused}`)?.status).toBe('failed');

    smtp.faults.rejectRcpt.clear();
    const before = smtp.received.length;
    const rerun = await run();
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain('already sent');
    expect(rerun.stderr).toContain('cards sent to 1 agency');
    const now = smtp.received.slice(before);
    expect(now.map((m) => m.envelope.to)).toEqual([[refused]]);
    for (const address of [...agencies.values(), ...RECIPIENTS]) {
      expect(smtp.countFor(address), address).toBe(1);
    }
    runs = await runsOf(box.workbook);
    const last = runs.filter((e) => e.recipient === `d002:${refused}`).at(-1);
    expect(last?.status).toBe('sent');
  });

  it('a card the server took and never confirmed is held back, and the rerun names it, not only "already sent"', async () => {
    const agencies = await agencyAddresses();
    const lost = agencies.get('d005') ?? '';
    smtp.faults.dropAfterData.add(lost);
    const first = await run();
    expect(first.code).toBe(3);
    expect(smtp.dropped).toContain(lost);
    smtp.faults.dropAfterData.clear();
    const before = smtp.received.length;
    const rerun = await run();
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain('already sent');
    expect(rerun.stderr).toContain(`cards never confirmed, held back: d005:${lost}`);
    expect(smtp.received.length).toBe(before);
    expect(smtp.countFor(lost)).toBe(0);
  });

  it('a release recipient that keeps failing does not hold back the cards of a month already sent', async () => {
    const agencies = await agencyAddresses();
    const card = agencies.get('d003') ?? '';
    const [, moradi] = RECIPIENTS;
    smtp.faults.rejectRcpt.add(moradi).add(card);
    expect((await run()).code).toBe(3);
    expect(smtp.countFor(card)).toBe(0);

    smtp.faults.rejectRcpt.delete(card); // the agency's address is fixed; moradi's is not
    const before = smtp.received.length;
    const rerun = await run();
    expect(rerun.code).toBe(3);
    expect(rerun.stderr).toContain(`failed for 1 (${moradi})`);
    expect(smtp.received.slice(before).map((m) => m.envelope.to)).toEqual([[card]]);
  });

  it('--force after a change in one agency scores sends one correction card, to that agency only', async () => {
    const agencies = await agencyAddresses();
    expect((await run()).code).toBe(0);
    const changed = await raiseTopAgency();
    const before = smtp.received.length;
    const plain = await run();
    expect(plain.code).toBe(0);
    expect(smtp.received.length).toBe(before); // data changed: a correction needs --force

    const forced = await run('--force');
    expect(forced.code, forced.stderr).toBe(0);
    const now = smtp.received.slice(before);
    const cards = now.filter((m) => !m.envelope.to.some((a) => release.has(a)));
    expect(now.length - cards.length).toBe(3); // the release, as a correction, to everyone
    expect(cards.map((m) => m.envelope.to)).toEqual([[agencies.get(changed)]]);
    expect(cards[0]?.parsed.subject).toContain('اصلاحیه');
    expect(cards[0]?.parsed.text).toContain('اصلاحیه');
    expect(forced.stderr).toContain('cards sent to 1 agency');
  });

  it('--to ADDRESS --agency ID sends that card alone to ADDRESS as a test copy; the month is not sent', async () => {
    const tester = 'tester@example.net';
    const result = await run('--to', tester, '--agency', 'd001');
    expect(result.code, result.stderr).toBe(0);
    expect(smtp.received.map((m) => m.envelope.to)).toEqual([[tester]]);
    const [copy] = smtp.received;
    expect(copy?.parsed.subject).toContain('اداره کل آموزش و پرورش');
    expect(copy?.parsed.text).toContain('نسخه آزمایشی');
    const runs = await runsOf(box.workbook);
    expect(runs.map((e) => [e.kind, e.status])).toEqual([
      ['test', 'sent'],
      ['test', 'sent'],
    ]);

    const unknown = await run('--to', tester, '--agency', 'zz9');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--agency zz9');
    const noTo = await run('--agency', 'd001');
    expect(noTo.code).toBe(2);
    expect(noTo.stderr).toContain('--agency ID goes with --to ADDRESS');
  });
});

/**
 * Raises, for the month, one indicator of the agency ranked first (alone) in its group, so
 * its score changes and nobody else's rank does; returns its id.
 */
async function raiseTopAgency(): Promise<string> {
  const results = await tabOf(box.workbook, 'results');
  const rows = (results?.rows.slice(1) ?? []).map((r) => r.map((c) => String(c ?? '').trim()));
  const firsts = rows.filter((r) => r[0] === '1403-04' && ['1', '۱'].includes(r[2] ?? ''));
  const byGroup = new Map<string, string[][]>();
  for (const r of firsts) byGroup.set(r[1] ?? '', [...(byGroup.get(r[1] ?? '') ?? []), r]);
  const alone = [...byGroup.values()].find((list) => list.length === 1)?.[0];
  const id = alone?.[3] ?? '';
  expect(id).not.toBe('');
  const maxes = new Map<number, number>();
  await editTab(box.workbook, 'indicators', (ws) => {
    ws.eachRow((row, i) => {
      if (i > 1) maxes.set(i + 1, Number(row.getCell(4).value));
    });
  });
  let raised = false;
  await editTab(box.workbook, 'scores', (ws) => {
    ws.eachRow((row) => {
      const month = parseMonthCell(row.getCell(1).value as string | number | null);
      if (raised || month !== '1403-04' || row.getCell(2).value !== id) return;
      for (const [column, max] of maxes) {
        const value = Number(row.getCell(column).value);
        if (value < max) {
          row.getCell(column).value = value + 1;
          raised = true;
          return;
        }
      }
    });
  });
  expect(raised).toBe(true);
  return id;
}
