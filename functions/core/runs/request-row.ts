/** The runs row of a `run_request` the watcher handled (docs/workbook.md#runs, kind `request`). */
import type { RunsEntry, RunStatus } from '../contract/runs-log.ts';

export interface RequestRowFields {
  /** The id of the run the request started (the run's rows share it), or one of its own. */
  runId: string;
  /** The month asked for; '' when the request was not a month at all. */
  month: string;
  time: Date;
  /** `done`: the month was run (its own rows say what went out); `failed`: the run stopped on an error (the request stays); `blocked`: not run (not a month, or one not begun), cleared. */
  status: Extract<RunStatus, 'done' | 'failed' | 'blocked'>;
  requestedBy: string;
  /** What the watcher wrote into `run_status`. */
  note: string;
}

/** One `request` row: who asked for which month, what became of it. */
export function requestRow(fields: RequestRowFields): RunsEntry {
  return {
    runId: fields.runId,
    month: fields.month,
    at: fields.time.toISOString(),
    kind: 'request',
    status: fields.status,
    recipient: '',
    requestedBy: fields.requestedBy,
    contentHash: '',
    detail: fields.note,
  };
}
