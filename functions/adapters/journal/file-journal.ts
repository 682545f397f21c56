/**
 * The command line's delivery journal on disk: a folder per workbook, one file per run
 * (`<run id>.jsonl`, core/runs/delivery-journal.ts), each line synced (fdatasync) before the run
 * goes on. One writer per file, so runs of other months at once never share a file; a
 * file is removed once its run's outcomes are all in the runs tab (by the run itself, or
 * by the next run that folds it). Where (docs/command-line.md#files-on-disk):
 * - beside an .xlsx, as `.<file name>.karnameh-journal/` in the folder of its real path (a
 *   symlink is resolved first, as for its lock files: two paths to one workbook share one
 *   journal);
 * - for a Sheet, `$XDG_STATE_HOME/karnameh/<spreadsheet id>.journal/` (`~/.local/state`
 *   when XDG_STATE_HOME is unset).
 */
import { mkdir, open, readFile, readdir, realpath, rmdir, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { journalLine, parseJournal, type JournalRun } from '../../core/runs/delivery-journal.ts';
import type { ProcessHere } from '../../core/runs/run-claims.ts';
import type { DeliveryJournal, JournalHeader, RunJournal } from '../../ports.ts';

/** The journal folder of an .xlsx workbook: beside its real path. */
export async function workbookJournalDir(workbook: string): Promise<string> {
  const real = await realpath(workbook).catch(() => workbook);
  return join(dirname(real), `.${basename(real)}.karnameh-journal`);
}

/** The journal folder of a Google Sheet: under the user's state folder. */
export function sheetJournalDir(spreadsheetId: string, env: NodeJS.ProcessEnv): string {
  const state =
    env.XDG_STATE_HOME?.trim() || join(env.HOME?.trim() || homedir(), '.local', 'state');
  return join(state, 'karnameh', `${spreadsheetId}.journal`);
}

/** Files this process has open for writing (a run of this process is not over yet). */
const writing = new Set<string>();

const reason = (error: unknown): string =>
  (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));

/** Syncs a folder, so that a file created in it survives a crash of the machine. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems cannot sync a folder; the file itself is synced.
  } finally {
    await handle.close();
  }
}

const removeIfEmpty = (dir: string): Promise<void> => rmdir(dir).catch(() => undefined);

export function createFileJournal(options: {
  dir: string;
  here: ProcessHere;
  /** Said once when the journal stops mid-run (it could not write; it was removed). */
  warn: (message: string) => void;
}): DeliveryJournal {
  const { dir, here } = options;
  return {
    location: dir,
    async earlier() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        return [];
      }
      const runs: JournalRun[] = [];
      for (const name of names.filter((n) => n.endsWith('.jsonl')).sort()) {
        const file = join(dir, name);
        if (writing.has(file)) continue;
        const text = await readFile(file, 'utf8').catch(() => null);
        const run = text === null ? null : parseJournal(file, text);
        if (!run) continue;
        const { pid, host } = run.header;
        if (host === here.host && pid !== here.pid && here.alive(pid)) continue; // still running
        runs.push(run);
      }
      return runs;
    },
    async forget(runs) {
      for (const run of runs) await unlink(run.file).catch(() => undefined);
      await removeIfEmpty(dir);
    },
    async open(header) {
      try {
        return { journal: await openRun(dir, header, options.warn) };
      } catch (error) {
        return { journal: null, why: `${dir}: ${reason(error)}` };
      }
    },
  };
}

async function createFile(file: string): Promise<FileHandle> {
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    return await open(file, 'ax', 0o600);
  } catch (error) {
    // The folder was removed by another run that found it empty a moment ago: once more.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    return open(file, 'ax', 0o600);
  }
}

async function openRun(
  dir: string,
  header: JournalHeader,
  warn: (message: string) => void,
): Promise<RunJournal> {
  const file = join(dir, `${header.runId}.jsonl`);
  const handle = await createFile(file);
  writing.add(file);
  let off = false;
  const append = async (line: string): Promise<void> => {
    await handle.write(line);
    await handle.datasync();
  };
  try {
    await append(journalLine({ t: 'run', ...header }));
    await syncDir(dir);
  } catch (error) {
    writing.delete(file);
    await handle.close().catch(() => undefined);
    await unlink(file).catch(() => undefined);
    throw error;
  }
  const close = async (): Promise<void> => {
    writing.delete(file);
    await handle.close().catch(() => undefined);
  };
  /**
   * A line that cannot be written: the journal is removed (an incomplete journal must never
   * say a message was not attempted), and the run goes on with its batches in the runs tab.
   * If it cannot even be removed, the run must stop: the error is thrown.
   */
  const record = async (line: string): Promise<void> => {
    if (off) return;
    try {
      await append(line);
    } catch (error) {
      off = true;
      await close();
      await unlink(file);
      warn(
        `the delivery journal ${file} could not be written (${reason(error)}); it was removed, and this run goes on recording in batches only`,
      );
    }
  };
  const at = () => new Date().toISOString();
  return {
    location: file,
    attempt: (kind, key, contentHash) =>
      record(
        journalLine({
          t: 'try',
          kind,
          key,
          at: at(),
          ...(contentHash ? { digest: contentHash } : {}),
        }),
      ),
    outcome: (kind, key, status, detail) =>
      record(journalLine({ t: 'done', kind, key, status, detail, at: at() })),
    async finish() {
      if (off) return;
      off = true;
      await close();
      await unlink(file).catch(() => undefined);
      await removeIfEmpty(dir);
    },
    async leave() {
      off = true;
      await close();
    },
  };
}
