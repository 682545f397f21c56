/**
 * Opening or closing a month in an .xlsx (ports.ts `editMonth`): under the write lock, the
 * file refused when open in Excel or LibreOffice, read-only or not ours to replace; the
 * plan made against the file as it is now; the scores tab's part patched in place (rows,
 * header cell, `dataValidations`) and the runs rows upserted, in one rewrite in which every
 * other part is copied byte for byte.
 */
import { basename } from 'node:path';
import type { RawWorkbook } from '../../core/contract/cells.ts';
import type { ArchiveAppend } from '../../core/contract/close-month.ts';
import { matchesKey } from '../../core/contract/tab-lookup.ts';
import { TABS } from '../../core/contract/tabs.ts';
import type { MonthEdit, MonthEditReport } from '../../ports.ts';
import { runsUpsert } from './concurrent-writes.ts';
import { checkWritable, readIdentified, replaceFile, resolveTarget } from './file-guard.ts';
import { withWriteLock } from './file-lock.ts';
import { openWorkbook, readTabs } from './open-workbook.ts';
import { rewriteWorkbook, type RewritePlan, type TabWrite } from './rewrite-workbook.ts';
import { appendScoresRows } from './scores-append.ts';

const isScores = (name: string): boolean => matchesKey(name, 'scores', TABS.scores.label);
const isArchive = (name: string): boolean => matchesKey(name, 'archive', TABS.archive.label);

/** The archive tab written whole: as it is now, its new header cells set, the rows appended. */
function archiveWrite(archive: ArchiveAppend): TabWrite {
  return {
    title: archive.title,
    matches: isArchive,
    rows: (current) => {
      const rows = (current?.rows ?? []).map((row) => row.slice());
      const header = rows[0] ?? [];
      for (const { column, text } of archive.header) {
        while (header.length < column) header.push(null);
        header[column] = text;
      }
      rows[0] = header;
      let end = rows.length;
      while (end > 1 && (rows[end - 1] ?? []).every((c) => c === null || c === '')) end--;
      return [...rows.slice(0, end), ...archive.rows];
    },
  };
}

/** Said once by open and close on an .xlsx. */
const NO_ACCOUNTS_NOTE =
  'فایل اکسل حساب کاربری ندارد، پس چیزی برای محافظت نیست: هر کس فایل را دارد همهٔ آن را می‌تواند ویرایش کند. / ' +
  'an .xlsx file has no accounts, so there is nothing to guard: whoever has the file can edit all of it.';

async function loadWorkbook(path: string) {
  const target = await resolveTarget(path);
  const { bytes, identity } = await readIdentified(target);
  return { target, identity, open: openWorkbook(bytes, path) };
}

/**
 * `plan` against `path` as it is under the write lock; its edit written there (the runs
 * rows into `runsFile` instead when an older version keeps the outputs in that sibling).
 */
export async function editMonthXlsx(
  path: string,
  plan: (workbook: RawWorkbook) => MonthEdit | null,
  runsFile: string | null,
): Promise<MonthEditReport> {
  return withWriteLock(path, async () => {
    const current = await loadWorkbook(path);
    await checkWritable(path, current.target);
    const edit = plan({ tabs: readTabs(current.open, path) });
    const writes =
      edit !== null &&
      (edit.runs.length > 0 ||
        (edit.archive?.rows.length ?? 0) > 0 ||
        (edit.scores?.rows.length ?? 0) + (edit.scores?.header.length ?? 0) > 0);
    // The guard alone means nothing in a file without accounts.
    if (edit === null || !writes) return { location: path, applied: false, guarded: false };
    if (runsFile !== null) await checkWritable(runsFile, await resolveTarget(runsFile));
    const scores = edit.scores;
    const archive = edit.archive;
    const rewrite: RewritePlan = {
      tabs: [
        ...(archive && archive.rows.length > 0 ? [archiveWrite(archive)] : []),
        ...(runsFile === null && edit.runs.length > 0
          ? [runsUpsert(current.open, path, edit.runs).write]
          : []),
      ],
      patches:
        scores && (scores.rows.length > 0 || scores.header.length > 0)
          ? [{ matches: isScores, patch: (xml) => appendScoresRows(xml, scores) }]
          : [],
    };
    const bytes = rewriteWorkbook(current.open, rewrite, path);
    await replaceFile(current.target, bytes, current.identity, path);
    if (runsFile !== null && edit.runs.length > 0) {
      const other = await loadWorkbook(runsFile);
      const runs = rewriteWorkbook(
        other.open,
        { tabs: [runsUpsert(other.open, runsFile, edit.runs).write] },
        runsFile,
      );
      await replaceFile(other.target, runs, other.identity, runsFile);
    }
    return {
      location: path,
      applied: true,
      guarded: false,
      note: `${NO_ACCOUNTS_NOTE}${runsFile === null ? '' : ` (runs: ${basename(runsFile)})`}`,
    };
  });
}
