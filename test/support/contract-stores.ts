/**
 * The two stores behind one factory, and a player that runs the same commands (run, check)
 * through the use cases with a fixed clock and fixed run ids, then reads back what each
 * store holds: the output tabs, the input tabs, the releases rendered and the mail sent.
 */
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createOutboxMailer } from '../../functions/adapters/mail/outbox-mailer.ts';
import { createPreviewWriter } from '../../functions/adapters/mail/preview-writer.ts';
import { createReleaseRenderer } from '../../functions/adapters/mail/render-release.ts';
import { createXlsxStore } from '../../functions/adapters/xlsx/xlsx-store.ts';
import type { CellValue, RawTab, RawWorkbook } from '../../functions/core/contract/cells.ts';
import type { Summary } from '../../functions/core/figures/summary.ts';
import { findTab } from '../../functions/core/contract/tab-lookup.ts';
import { INPUT_TABS, type TabKey } from '../../functions/core/contract/tabs.ts';
import type {
  Logger,
  RenderedCard,
  RenderedRelease,
  WorkbookStore,
} from '../../functions/ports.ts';
import { createCardRenderer } from '../../functions/adapters/mail/render-card.ts';
import { checkMonth, type CheckOptions } from '../../functions/use-cases/check-month.ts';
import { inputHash } from '../../functions/core/runs/input-hash.ts';
import { runMonth, type RunMonthOptions } from '../../functions/use-cases/run-month.ts';
import { writeWorkbookXlsx } from '../../scripts/write-workbook.ts';
import { standInStore } from './sheets-fixtures.ts';
import type { SheetsStandIn } from './sheets-stand-in.ts';
import { emlFiles } from './outbox-files.ts';

export type StoreKind = 'xlsx' | 'sheets';

interface StoreHandle {
  store: WorkbookStore;
  /** A second, fresh store on the same workbook (reads back what the first one wrote). */
  reopen(): WorkbookStore;
  /** Where the mail and previews of this workbook go. */
  dir: string;
}

export interface StoreFactory {
  kind: StoreKind;
  /** A fresh store holding `content`, and nothing else. */
  open(content: RawWorkbook): Promise<StoreHandle>;
}

/** The .xlsx store on a file written in `root`, and the Sheets store on the stand-in. */
export function storeFactories(root: string, standIn: () => SheetsStandIn): StoreFactory[] {
  let opened = 0;
  const fresh = async (kind: StoreKind) => {
    const dir = join(root, `${kind}-${++opened}`);
    await mkdir(dir, { recursive: true });
    return dir;
  };
  return [
    {
      kind: 'xlsx',
      async open(content) {
        const dir = await fresh('xlsx');
        const path = join(dir, 'karnameh.xlsx');
        await writeWorkbookXlsx(content, path);
        return { store: createXlsxStore(path), reopen: () => createXlsxStore(path), dir };
      },
    },
    {
      kind: 'sheets',
      async open(content) {
        const dir = await fresh('sheets');
        const id = `contract-sheet-${opened}`;
        standIn().loadWorkbook(id, content);
        return {
          store: standInStore(standIn(), id),
          reopen: () => standInStore(standIn(), id),
          dir,
        };
      },
    },
  ];
}

export type Step =
  | { command: 'run'; options: RunMonthOptions & { month: string } }
  | { command: 'check'; options: CheckOptions & { month: string } };

interface StepRecord {
  command: Step['command'];
  exitCode: number;
  summary: Summary;
  /** run: the outcome's message; check: errors and warnings. */
  message: string;
  deliveries: { email: string; status: string; detail: string }[];
  /** .eml files in the outbox after the step. */
  mailed: number;
  /** Agencies' cards confirmed sent by the step (their keys, in order). */
  cards: string[];
  /** Preview files written (names only). */
  previews: string[];
}

type OutputKey = Extract<TabKey, 'results' | 'problems' | 'runs'>;

export interface Played {
  steps: StepRecord[];
  /** The output tabs as a fresh store reads them back; null for a tab that is not there. */
  outputs: Record<OutputKey, CellValue[][] | null>;
  /** The input tabs before the first step and after the last, as read through the store. */
  inputsBefore: (RawTab | undefined)[];
  inputsAfter: (RawTab | undefined)[];
  /** Every release rendered, in order. */
  releases: { subject: string; html: string; text: string; csv: string }[];
  /** Every agency card rendered, in order (HTML and text). */
  cards: RenderedCard[];
  /** The input hash of the content as this store reads it. */
  inputHash: string;
}

/** The instant every run of the suite happens at: 1403-05-04 11:30 in Tehran. */
export const CLOCK = new Date('2024-07-25T08:00:00Z');

const MESSAGE_ID = '<message-id>';

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

const render = createReleaseRenderer();
const renderCard = createCardRenderer();

async function emlCount(dir: string): Promise<number> {
  return (await emlFiles(dir)).length;
}

/**
 * Plays `steps` on a fresh store holding `content`. Run ids are `r-1`, `r-2`, … and the
 * clock stands still, so the only thing left random is the Message-ID the mailer makes up,
 * which is replaced by `<message-id>` wherever it was recorded.
 */
export async function play(
  factory: StoreFactory,
  content: RawWorkbook,
  steps: readonly Step[],
): Promise<Played> {
  const handle = await factory.open(content);
  const outbox = join(handle.dir, 'outbox');
  const releases: RenderedRelease[] = [];
  const cards: RenderedCard[] = [];
  const messageIds = new Set<string>();
  const before = await handle.reopen().read();
  let runs = 0;
  const records: StepRecord[] = [];
  for (const step of steps) {
    if (step.command === 'check') {
      const outcome = await checkMonth(
        { store: handle.store, now: () => CLOCK, log: silent },
        step.options,
      );
      records.push({
        command: 'check',
        exitCode: outcome.exitCode,
        summary: outcome.summary,
        message: `${outcome.errors} errors, ${outcome.warnings} warnings`,
        deliveries: [],
        mailed: await emlCount(outbox),
        cards: [],
        previews: [],
      });
      continue;
    }
    const runId = `r-${++runs}`;
    const mailer = createOutboxMailer({ dir: outbox, prefix: runId });
    const outcome = await runMonth(
      {
        store: handle.store,
        mailer,
        preview: createPreviewWriter(join(handle.dir, `preview-${runId}`)),
        render: (input) => {
          const rendered = render(input);
          releases.push(rendered);
          return rendered;
        },
        renderCard: (view) => {
          const rendered = renderCard(view);
          cards.push(rendered);
          return rendered;
        },
        now: () => CLOCK,
        newRunId: () => runId,
        log: silent,
      },
      step.options,
    );
    await mailer.close();
    for (const d of [...outcome.deliveries, ...outcome.cards]) {
      if (d.status === 'sent') messageIds.add(d.detail);
    }
    records.push({
      command: 'run',
      exitCode: outcome.exitCode,
      summary: outcome.summary,
      message: outcome.message,
      deliveries: outcome.deliveries.map((d) => ({
        ...d,
        detail: messageIds.has(d.detail) ? MESSAGE_ID : d.detail,
        // where in the outbox: <month>/<run id>/release/<address>.eml
        ...(d.file ? { file: relative(outbox, d.file) } : {}),
      })),
      mailed: await emlCount(outbox),
      cards: outcome.cards.filter((c) => c.status === 'sent').map((c) => c.key),
      previews: outcome.previewFiles.map((f) => f.slice(f.lastIndexOf('/') + 1)),
    });
  }
  const after = await handle.reopen().read();
  // A row's detail holds the message id (with more words, for some): it is replaced inside it.
  const withoutMessageIds = (cell: string): string => {
    for (const id of messageIds) if (cell.includes(id)) return cell.split(id).join(MESSAGE_ID);
    return cell;
  };
  const output = (key: OutputKey): CellValue[][] | null => {
    const rows = findTab(after, key)?.rows;
    if (!rows) return null;
    return rows.map((row) =>
      row.map((cell) => (typeof cell === 'string' ? withoutMessageIds(cell) : cell)),
    );
  };
  const inputs = (workbook: RawWorkbook) => [
    ...INPUT_TABS.map((key) => findTab(workbook, key)),
    workbook.tabs.find((t) => t.name === 'یادداشت‌ها'),
  ];
  return {
    steps: records,
    outputs: { results: output('results'), problems: output('problems'), runs: output('runs') },
    inputsBefore: inputs(before),
    inputsAfter: inputs(after),
    releases: releases.map((r) => ({
      subject: r.subject,
      html: r.html,
      text: r.text,
      csv: r.attachment.content.toString('utf8'),
    })),
    cards,
    inputHash: inputHash(before),
  };
}
