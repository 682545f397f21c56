// The mail header fields that trace a message to its run and its data (press-release.md, 12).

export const RUN_HEADER = 'X-Karnameh-Run';
export const DIGEST_HEADER = 'X-Karnameh-Digest';

/**
 * The run id and the input digest as header fields, each only when known: what the reader
 * never sees, so nothing internal stands in the text.
 */
export function traceHeaders(trace: { runId?: string; digest?: string }): Record<string, string> {
  const headers: Record<string, string> = {};
  if (trace.runId) headers[RUN_HEADER] = trace.runId;
  if (trace.digest) headers[DIGEST_HEADER] = trace.digest;
  return headers;
}
