/** A workbook store that keeps only a runs tab in memory (the ports.ts contract), and a mailer that answers as told. */
import type { RawTab } from '../../functions/core/contract/cells.ts';
import { KarnamehError } from '../../functions/core/contract/errors.ts';
import {
  mergeRunsRows,
  readRunsLog,
  type RunsEntry,
} from '../../functions/core/contract/runs-log.ts';
import type {
  Logger,
  Mailer,
  OutgoingMail,
  WorkbookStore,
  WriteRequest,
} from '../../functions/ports.ts';
import type { LedgerItem, LedgerRun } from '../../functions/use-cases/delivery-ledger/ledger.ts';

export interface MemoryStore extends WorkbookStore {
  runs: RawTab;
  writes: WriteRequest[];
  /** The runs tab as entries after each write. */
  history: RunsEntry[][];
  entries: () => RunsEntry[];
}

export function memoryStore(): MemoryStore {
  const store: MemoryStore = {
    description: 'memory',
    runs: { name: 'اجراها', rows: [] },
    writes: [],
    history: [],
    entries: () => readRunsLog(store.runs),
    read: async () => ({ tabs: [store.runs] }),
    write: async (request) => {
      store.writes.push(structuredClone(request));
      if (request.runs)
        store.runs = { ...store.runs, rows: mergeRunsRows(store.runs, request.runs) };
      store.history.push(store.entries());
      return { location: 'memory' };
    },
    init: async () => ({ location: 'memory' }),
    checkWritable: async () => {},
    readRuns: async () => structuredClone(store.runs),
  };
  return store;
}

export type Answer = 'sent' | 'failed' | 'unconfirmed';

/** Answers each address as `answers` says (default sent); keeps what it was given. */
export function answeringMailer(
  answers: Record<string, Answer> = {},
  onSend?: (to: string) => void,
): Mailer & { sent: string[] } {
  const sent: string[] = [];
  return {
    description: 'answering',
    sent,
    async send(mail: OutgoingMail) {
      onSend?.(mail.to.email);
      const answer = answers[mail.to.email] ?? 'sent';
      if (answer === 'failed')
        throw new KarnamehError('mail.failed', `550 refused ${mail.to.email}`);
      if (answer === 'unconfirmed')
        throw new KarnamehError('mail.unconfirmed', `no reply for ${mail.to.email}`);
      sent.push(mail.to.email);
      return { messageId: `<${sent.length}@test>` };
    },
    async close() {},
  };
}

export const quietLog: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export function ledgerRun(
  store: WorkbookStore,
  runId: string,
  now: () => Date = () => new Date('2024-07-25T08:00:00Z'),
): LedgerRun {
  return {
    store,
    runId,
    month: '1403-04',
    requestedBy: 'test',
    contentHash: 'd',
    now,
    log: quietLog,
  };
}

export function items(count: number, prefix = 'r'): LedgerItem[] {
  return Array.from({ length: count }, (_, i) => {
    const email = `${prefix}${String(i + 1).padStart(2, '0')}@example.org`;
    return {
      key: email,
      mail: {
        to: { email, name: null },
        subject: 's',
        html: '<p>h</p>',
        text: 't',
        attachments: [],
      },
    };
  });
}
