/**
 * The workbook in a Google Sheet (ports.ts `WorkbookStore`).
 *
 * - `read`: one `spreadsheets.get` (tab list and merged ranges, `fields` mask) and one
 *   `values.batchGet` for every tab; merged cells read as their top-left value; keeps a
 *   snapshot for the next write.
 * - `write`: one atomic `spreadsheets.batchUpdate`: missing output tabs added, each
 *   output tab edited minimally against the snapshot, settings cells set. Runs rows are
 *   upserted (runs-plan.ts) so that rows another run wrote since the read survive: a write
 *   that updates a row already there reads the runs tab first (one `values.batchGet`) and
 *   upserts against the tab as it is then; a write that only adds rows (a claim, the first
 *   announcement of a batch) needs no read, as `appendCells` lands after whatever is there.
 *   The batch answers with the runs tab as it left it (runs-answer.ts): the report's
 *   `runsLanded`, from which a claim is read back, and the next write's base.
 * - `readRuns`: one `values.batchGet` of the runs tab (one `get` first when the last read
 *   saw none).
 * - `init`: one `get` (tabs and their protections; and, when a scores tab is to be added
 *   next to an existing agencies tab, one `values.batchGet` of that tab's header row), then
 *   one `batchUpdate` adding what is missing and making the functions' account (`editor`)
 *   an editor of the protected output tabs (none when nothing is to change).
 *
 * Every call is retried on 429, 5xx and timeouts. A batch that timed out or got a 5xx may
 * have landed, or may still land, so before it is sent again the sheet is re-read and the
 * batch planned anew from what is there (a batch that landed plans to nothing), and a
 * batch that would do harm landing twice carries the write marker, so that of two copies
 * only one can land (commit-batch.ts, write-marker.ts).
 */
import { KarnamehError } from '../../core/contract/errors.ts';
import type { WorkbookStore, WriteReport, WriteRequest } from '../../ports.ts';
import { runsSheet, freshRuns } from './runs-locate.ts';
import { snapshotAfter } from './runs-answer.ts';
import {
  createSheetsApi,
  type FullRead,
  type SheetsApi,
  type SheetsApiOptions,
} from './sheets-api.ts';
import type { WorkbookSnapshot } from './snapshot.ts';
import { planStoreInit, planStoreMonthEdit, planStoreWrite } from './store-plans.ts';

export interface SheetsStoreOptions extends SheetsApiOptions {
  /**
   * The account the functions run as, made an editor of the protected output tabs by
   * `init` (CLI `--editor`, env KARNAMEH_EDITOR); default: the service account of the
   * credentials, when they name one.
   */
  editor?: string;
}

/** What the store remembers between calls: the sheet as last read or written. */
interface StoreState {
  /** The sheet as last read or left by a write; null: the next write reads first. */
  snapshot: WorkbookSnapshot | null;
  /** The write marker the sheet held then (write-marker.ts). */
  marker: string | null;
  /** Whether `snapshot.outputs.runs` holds every runs row this store wrote (append-only writes). */
  runsTrusted: boolean;
}

/** The state after a whole read. */
const stateOf = (read: FullRead): StoreState => ({
  snapshot: read.snapshot,
  marker: read.marker,
  runsTrusted: true,
});

function report(location: string, changes: string[]): WriteReport {
  const note = changes.length > 0 ? changes.join('; ') : 'nothing to change';
  return { location, note, routine: true };
}

/**
 * One write: planned against the snapshot (read first when there is none), sent at most
 * once; a send that may have landed is planned again from a fresh read. The new state is
 * handed to `keep` as soon as it is known.
 */
async function writeOnce(
  api: SheetsApi,
  state: StoreState,
  request: WriteRequest,
  keep: (state: StoreState) => void,
): Promise<WriteReport> {
  const base = state.snapshot ? state : stateOf(await api.fetchAll('write'));
  keep(base);
  const snapshot = base.snapshot as WorkbookSnapshot;
  const first = await planStoreWrite(api, snapshot, request, base.marker, base.runsTrusted);
  const replan = async () => {
    const fresh = await api.fetchAll('write');
    return planStoreWrite(api, fresh.snapshot, request, fresh.marker, false);
  };
  let done;
  try {
    done = await api.commit('write', first, replan).catch((error: unknown) => {
      keep({ ...base, runsTrusted: false }); // it may have landed: the next write reads the tab first
      throw error;
    });
  } catch (error) {
    // A tab this write adds (the runs tab, on a sheet without one) may have been added
    // by another run a moment ago (two runs' first claims): planned again once against
    // the sheet as it is now, the rows go into that tab instead.
    const adds = first.requests.some((r) => r.addSheet);
    if (!adds || !(error instanceof KarnamehError) || error.code !== 'source.write_failed') {
      throw error;
    }
    done = await api.commit('write', await replan(), replan);
  }
  const after = snapshotAfter(done.result, done.answer);
  keep({ snapshot: after.after, marker: done.marker, runsTrusted: true });
  // The first plan says what this write changes, even when a retry found it landed.
  const landed = after.runs ? { runsLanded: after.runs } : {};
  return { ...report(api.description, first.result.changes), ...landed };
}

export function createSheetsStore(options: SheetsStoreOptions): WorkbookStore {
  const api = createSheetsApi(options);
  let state: StoreState = { snapshot: null, marker: null, runsTrusted: true };
  const keep = (next: StoreState) => {
    state = next;
  };
  /** The tabs changed in ways a snapshot does not follow: the next write reads first. */
  const forget = (marker: string | null) => {
    state = { ...state, snapshot: null, marker };
  };

  return {
    description: api.description,

    async read() {
      const fresh = await api.fetchAll('read');
      state = stateOf(fresh);
      return fresh.workbook;
    },

    write: (request) => writeOnce(api, state, request, keep),

    /** A Sheet is never locked by a person having it open: nothing to check. */
    async checkWritable() {},

    async readRuns() {
      const known = state.snapshot ? runsSheet(state.snapshot) : null;
      return (await freshRuns(api, 'read', known, state.snapshot === null))?.tab;
    },

    async editMonth(plan) {
      const monthPlan = () => planStoreMonthEdit(api, plan, options.editor);
      const done = await api.commit('write', await monthPlan(), monthPlan);
      forget(done.marker); // the scores and runs tabs changed
      return { location: api.description, applied: done.result, guarded: true };
    },

    async init(template) {
      const first = await planStoreInit(api, template, options.editor);
      const done = await api.commit('init', first, () =>
        planStoreInit(api, template, options.editor),
      );
      forget(done.marker);
      // The first plan says what init changes, even when a retry found it landed.
      return report(api.description, first.result);
    },
  };
}
