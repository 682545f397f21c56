/**
 * The agencies' cards on one Google Sheet (the stand-in) when others are at it too (issue
 * 12, sent at 10 Sheets calls): two runs of the month at once send each card once; a person
 * who deletes and inserts rows of the runs tab while the cards go out loses no record (a
 * write that updates rows reads the tab first; one that adds rows touches no other row);
 * a card that cannot be rendered stops the run before anything is announced.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { createCardRenderer } from '../../../functions/adapters/mail/render-card.ts';
import type { RunsEntry } from '../../../functions/core/contract/runs-log.ts';
import { TABS } from '../../../functions/core/contract/tabs.ts';
import type { RenderCard } from '../../../functions/ports.ts';
import { exampleWorkbook, RECIPIENTS, withAgencyCards } from '../../support/functions-harness.ts';
import { standInApi } from '../../support/sheets-fixtures.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-stand-in.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';
import { runOnStandIn, runsOnStandIn } from '../../support/stand-in-month.ts';

const renderCard: RenderCard = createCardRenderer();
const HEADER = TABS.runs.columns.map((c) => c.label);
/** Rows of other months, there before the run (a person will delete one, insert another). */
const EARLIER = ['r-old-1', 'r-old-2', 'r-old-3'].map((runId, i) => [
  runId,
  `1403-0${i + 1}`,
  '2024-06-25T08:00:00.000Z',
  'run',
  'sent',
  '',
  'someone',
  'x',
  'an earlier month',
]);

let standIn: SheetsStandIn;
let api: sheets_v4.Sheets;
let smtp: TestSmtpServer;
let sheet = 0;
let id = '';
beforeAll(async () => {
  standIn = await startSheetsStandIn();
  api = standInApi(standIn);
});
afterAll(async () => {
  await standIn.close();
});
beforeEach(async () => {
  smtp = await startSmtpServer();
  id = `cards-claims-${++sheet}`;
  const raw = withAgencyCards(await exampleWorkbook(), true);
  standIn.loadWorkbook(id, {
    tabs: [...raw.tabs, { name: TABS.runs.label, rows: [HEADER, ...EARLIER] }],
  });
});
afterEach(async () => {
  await smtp.close();
});

const run = (runId: string, cardRenderer: RenderCard = renderCard) =>
  runOnStandIn(standIn, id, smtp.url, runId, cardRenderer);
const runs = () => runsOnStandIn(standIn, id);
const cardsOf = (entries: RunsEntry[], runId: string) =>
  entries.filter((e) => e.runId === runId && e.kind === 'card');

it('two runs with cards at once, in two store instances: one sends, every agency gets one card', async () => {
  smtp.faults.replyDelayMs = 20;
  const [a, b] = await Promise.allSettled([run('r-a'), run('r-b')]);
  const done = [a, b].filter((r) => r.status === 'fulfilled');
  expect(done).toHaveLength(1);
  const outcome = done[0]?.status === 'fulfilled' ? done[0].value : null;
  expect(outcome?.exitCode, outcome?.message).toBe(0);
  const counts = smtp.counts();
  for (const r of RECIPIENTS) expect(counts[r]).toBe(1);
  expect(Object.values(counts).every((n) => n === 1)).toBe(true);
  const cards = runs().filter((e) => e.kind === 'card');
  expect(cards.length).toBeGreaterThan(100);
  expect(cards.every((e) => e.status === 'sent' && e.runId === outcome?.runId)).toBe(true);
  expect(Object.keys(counts)).toHaveLength(RECIPIENTS.length + cards.length);
});

it('a person deletes and inserts rows of the runs tab while the cards go out: every record lands, none is lost', async () => {
  smtp.faults.replyDelayMs = 5;
  const sending = run('r-sending');
  // Once cards are going out (the release's recipients got theirs), a person deletes the
  // row of 1403-02 and inserts two blank rows at the top: every row of the run moves down
  // one (a write that updated rows by where they were before would write over others).
  await vi.waitFor(() => expect(smtp.received.length).toBeGreaterThan(RECIPIENTS.length + 5), {
    timeout: 30_000,
    interval: 5,
  });
  const sheetId = standIn.spreadsheet(id).sheets.find((s) => s.properties.title === TABS.runs.label)
    ?.properties.sheetId;
  await api.spreadsheets.batchUpdate({
    spreadsheetId: id,
    requestBody: {
      requests: [
        {
          deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: 2, endIndex: 3 } },
        },
        {
          insertDimension: { range: { sheetId, dimension: 'ROWS', startIndex: 1, endIndex: 3 } },
        },
      ],
    },
  });
  const outcome = await sending;
  expect(outcome.exitCode, outcome.message).toBe(0);
  const after = runs();
  expect(after.filter((e) => e.runId.startsWith('r-old')).map((e) => e.runId)).toEqual([
    'r-old-1',
    'r-old-3',
  ]);
  const mine = after.filter((e) => e.runId === 'r-sending');
  expect(mine.find((e) => e.kind === 'run')?.status).toBe('sent');
  expect(mine.filter((e) => e.kind === 'release').map((e) => e.status)).toEqual(
    RECIPIENTS.map(() => 'sent'),
  );
  const cards = cardsOf(after, 'r-sending');
  expect(cards.length).toBe(outcome.cards.length);
  expect(cards.every((e) => e.status === 'sent')).toBe(true);
  // One row per key: nothing written twice, nothing written over another row.
  expect(new Set(mine.map((e) => `${e.kind} ${e.recipient}`)).size).toBe(mine.length);
  expect(smtp.received.length).toBe(RECIPIENTS.length + cards.length);
});

it('a card that cannot be rendered stops the run before anything is announced; the rerun sends all, once', async () => {
  // The cards are rendered before the release goes out (its last record waits for the
  // cards' first write), so a broken card template sends nothing and leaves nothing pending.
  const broken: RenderCard = (view) => {
    if (view.agencyId === 'd007') throw new Error('card template broken');
    return renderCard(view);
  };
  await expect(run('r-broken', broken)).rejects.toThrow('card template broken');
  expect(smtp.received).toHaveLength(0);
  const failed = runs().filter((e) => e.runId === 'r-broken');
  expect(failed.map((e) => `${e.kind} ${e.status}`)).toEqual(['run failed']);
  const outcome = await run('r-fixed');
  expect(outcome.exitCode, outcome.message).toBe(0);
  const counts = smtp.counts();
  expect(Object.values(counts).every((n) => n === 1)).toBe(true);
  expect(Object.keys(counts)).toHaveLength(RECIPIENTS.length + outcome.cards.length);
});
