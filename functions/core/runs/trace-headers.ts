// The mail header fields that trace a message to its run and its data (docs/texts.md#subject-attachments-headers).

const RUN_HEADER = 'X-Karnameh-Run';
/** The content hash of what is sent; the header keeps the contract's name. */
const CONTENT_HASH_HEADER = 'X-Karnameh-Digest';

/**
 * The run id and the content hash of what is sent as header fields, each only when known:
 * what the reader never sees, so nothing internal stands in the text.
 */
export function traceHeaders(trace: {
  runId?: string;
  contentHash?: string;
}): Record<string, string> {
  const headers: Record<string, string> = {};
  if (trace.runId) headers[RUN_HEADER] = trace.runId;
  if (trace.contentHash) headers[CONTENT_HASH_HEADER] = trace.contentHash;
  return headers;
}
