/**
 * Sending one planned `batchUpdate` with retries, so that it is applied at most once
 * (write-marker.ts says how) and never over Google's size limit.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { KarnamehError } from '../../core/contract/errors.ts';
import { failureKind, statusOf, waitBeforeRetry, type RetryPolicy } from './retry.ts';
import { markerRequests, resendSafety } from './write-marker.ts';
import { MAX_BODY_BYTES, bodyBytes } from './write-plan.ts';

type Request = sheets_v4.Schema$Request;

export interface Planned<T> {
  requests: Request[];
  result: T;
  /** The write marker's value in the state the plan was made from (null: none). */
  marker: string | null;
  /** What the batch's answer is to hold (runs-answer.ts); absent: nothing. */
  answer?: { body: Record<string, unknown>; fields: string };
  /** Carry the write marker whatever the requests (a batch two processes may plan at once). */
  marked?: boolean;
}

export interface CommitDeps<T> {
  /** Sends the batch; resolves to Google's answer (`data`). */
  send(requests: Request[], answer: Planned<T>['answer']): Promise<unknown>;
  /** Reads the sheet again and plans anew from what is there. */
  replan(): Promise<Planned<T>>;
  /** A final failure as a KarnamehError; `requests` is the batch that failed. */
  fail(error: unknown, attempts: number, requests: Request[]): Promise<Error>;
  policy: RetryPolicy;
  /** This write's id, the marker's value once it landed. */
  writeId: string;
  /** `Google Sheet <id>`, for messages. */
  where: string;
}

export interface Committed<T> {
  result: T;
  /** The marker's value now. */
  marker: string | null;
  /** The answer of the batch that landed; absent when none was sent (found landed, or empty). */
  answer?: unknown;
}

/** The batch as sent: with the marker swap first when it needs one. */
function batchToSend(plan: Planned<unknown>, writeId: string): Request[] {
  if (plan.requests.length === 0) return plan.requests;
  if (!plan.marked && resendSafety(plan.requests) !== 'marker') return plan.requests;
  return [...markerRequests(plan.marker, writeId), ...plan.requests];
}

function checkSize(requests: Request[], where: string): void {
  const size = bodyBytes(requests);
  if (size <= MAX_BODY_BYTES) return;
  throw new KarnamehError(
    'source.write_failed',
    `The change to ${where} needs a request of ${size} bytes, more than the ${MAX_BODY_BYTES} bytes (10 MiB) Google accepts in one atomic batch; nothing was written. Remove old months from the results tab (or move them to another spreadsheet) and run again.`,
  );
}

/**
 * Sends `first`. A 429 is sent again as is. After a 5xx or a timeout the batch may land
 * later, so the sheet is re-read and planned anew (a batch that landed plans to nothing);
 * the new batch can only land if the first did not (write-marker.ts). A 400 after such a
 * failure, or of a marked batch, is checked with one more read: nothing left to do means
 * an earlier copy landed; a marker someone else moved means another write came between,
 * and the plan is made again from what is there now.
 */
export async function commitBatch<T>(
  first: Planned<T>,
  deps: CommitDeps<T>,
): Promise<Committed<T>> {
  let plan = first;
  let uncertain = false;
  for (let attempt = 1; ; attempt++) {
    if (plan.requests.length === 0) return { result: plan.result, marker: plan.marker };
    const requests = batchToSend(plan, deps.writeId);
    const marked = requests !== plan.requests;
    checkSize(requests, deps.where);
    try {
      const answer = await deps.send(requests, plan.answer);
      return { result: plan.result, marker: marked ? deps.writeId : plan.marker, answer };
    } catch (error) {
      const kind = failureKind(error);
      const last = attempt >= deps.policy.attempts;
      if (kind === 'final') {
        // Google words a second copy of the marker as a bad request (400) or a conflict (409).
        const refusedCopy = statusOf(error) === 400 || statusOf(error) === 409;
        if (!last && refusedCopy && (uncertain || marked)) {
          const fresh = await deps.replan();
          if (fresh.requests.length === 0) return { result: fresh.result, marker: fresh.marker };
          if (marked && fresh.marker !== plan.marker) {
            plan = fresh;
            continue;
          }
        }
        throw await deps.fail(error, attempt, requests);
      }
      if (last) throw await deps.fail(error, attempt, requests);
      await waitBeforeRetry(deps.policy, attempt, error);
      if (kind === 'ambiguous') {
        uncertain = true;
        plan = await deps.replan();
      }
    }
  }
}
