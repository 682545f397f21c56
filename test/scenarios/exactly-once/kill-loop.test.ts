/**
 * Issue 19's acceptance: `kill -9` of the command line at 20 moments during runs that send
 * the release and the agencies' cards (a real process, an .xlsx, SMTP on loopback). Each
 * moment is "after the server has k more messages, plus d ms" (k = 0 kills it while it
 * reads, claims or announces), drawn from a seed printed first: a failure is replayed with
 * KARNAMEH_KILL_SEED=<seed>. After each kill the next run folds the journal. At the end:
 * never a duplicate delivery, and at most one delivery per killed run left never confirmed.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { scratch } from '../../support/cli-harness.ts';
import { editTab, MAIL_FROM, MONTH, runOverSmtp, runsOf } from '../../support/mail-fixtures.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';

const BIN = fileURLToPath(new URL('../../../bin/karnameh.js', import.meta.url));
const KILLS = 20;

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

/** mulberry32: a small seeded generator, so the moments can be drawn again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One run, killed once the server has `k` more messages and `d` ms more have passed. */
async function killedRun(k: number, d: number): Promise<'killed' | number> {
  const child = spawn(
    process.execPath,
    [BIN, 'run', '--workbook', box.workbook, '--outbox', box.outbox, '--month', MONTH],
    { env: { PATH: process.env.PATH, SMTP_URL: smtp.url, MAIL_FROM }, stdio: 'ignore' },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  const target = smtp.received.length + k;
  const watch = setInterval(() => {
    if (smtp.received.length < target) return;
    clearInterval(watch);
    setTimeout(() => child.kill('SIGKILL'), d);
  }, 1);
  const code = await exited;
  clearInterval(watch);
  return child.signalCode === 'SIGKILL' ? 'killed' : (code ?? -1);
}

it(`kill -9 at ${KILLS} moments during runs with cards: never a duplicate, at most one in doubt per run`, async () => {
  const seed = Number(process.env.KARNAMEH_KILL_SEED) || Math.floor(Math.random() * 2 ** 31);
  console.log(`kill -9 loop: seed ${seed} (replay: KARNAMEH_KILL_SEED=${seed})`);
  const draw = random(seed);
  // More release recipients, so that some kills land in the release and most in the cards.
  await editTab(box.workbook, 'recipients', (ws) => {
    for (let i = 1; i <= 20; i += 1) ws.addRow([`r${i}@example.org`, null, 'بله']);
  });
  smtp.faults.replyDelayMs = 3; // a server that takes a moment, as a real one does
  const moments: string[] = [];
  let kills = 0;
  for (let i = 0; i < 40 && kills < KILLS; i += 1) {
    const k = Math.floor(draw() * 7);
    const d = Math.floor(draw() * 25);
    const outcome = await killedRun(k, d);
    moments.push(`${k}+${d}ms:${outcome}`);
    if (outcome === 'killed') kills += 1;
    else if (outcome === 0) break; // the month is done before the kill
  }
  const why = `seed ${seed}; moments ${moments.join(' ')}`;
  expect(kills, why).toBe(KILLS);

  // The last run folds the last journal and sends whatever is left.
  smtp.faults.replyDelayMs = 0;
  const last = await runOverSmtp(box, smtp.url);
  expect([0, 3], `${why}\n${last.stderr}`).toContain(last.code);
  const runs = await runsOf(box.workbook);
  const mail = runs.filter((e) => e.kind === 'release' || e.kind === 'card');
  // Nothing is left pending: every killed run's batch was folded from its journal.
  expect(
    mail.filter((e) => e.status === 'pending'),
    why,
  ).toEqual([]);
  // At most one message per run in doubt.
  const doubt = new Map<string, string[]>();
  for (const e of mail.filter((x) => x.status === 'unconfirmed')) {
    doubt.set(e.runId, [...(doubt.get(e.runId) ?? []), e.recipient]);
  }
  for (const [runId, keys] of doubt) expect(keys, `${why}; run ${runId}`).toHaveLength(1);
  const inDoubt = new Set([...doubt.values()].flat().map((key) => key.split(':').pop() ?? ''));
  // Never a duplicate: each address got at most one message, and exactly one unless its
  // only message is the one in doubt.
  const sentTo = new Set(
    mail.filter((e) => e.status === 'sent').map((e) => e.recipient.split(':').pop() ?? ''),
  );
  const counts = smtp.counts();
  for (const [address, n] of Object.entries(counts)) expect(n, `${why}; ${address}`).toBe(1);
  for (const address of sentTo) expect(counts[address], `${why}; ${address}`).toBe(1);
  for (const address of Object.keys(counts)) {
    expect(sentTo.has(address) || inDoubt.has(address), `${why}; ${address}`).toBe(true);
  }
  expect(sentTo.size + inDoubt.size).toBeGreaterThan(120);
  console.log(
    `kill -9 loop: ${kills} kills (${moments.join(' ')}); ${sentTo.size} sent once, ${inDoubt.size} in doubt`,
  );
}, 120_000);
