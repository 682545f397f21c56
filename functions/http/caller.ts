/**
 * Who is calling, for the record only. Cloud IAM decides who may call before any code
 * runs (the functions are deployed with --no-allow-unauthenticated; only holders of
 * roles/run.invoker get through). Cloud Run then hands the request on with the ID token's
 * signature removed, so the token cannot be verified here and is never used to decide
 * anything: its payload only names the caller in the runs tab and the logs.
 *
 * When the code itself answers 401 (and it never answers 403; refusing is IAM's job):
 * - an Authorization header that is not `Bearer <JWT>` with a readable payload;
 * - on Cloud Run (env K_SERVICE), a call without any token: IAM lets none through, so one
 *   arriving means the service was opened up (e.g. --allow-unauthenticated) by mistake.
 * Without a token off Cloud Run it is a local development call: allowed, with a warning.
 */
import type { IncomingHttpHeaders } from 'node:http';
import * as z from 'zod';

export type Caller =
  | { kind: 'token'; email: string | null; subject: string | null }
  | { kind: 'none' }
  | { kind: 'malformed'; reason: string };

const payloadSchema = z.looseObject({
  email: z.string().optional(),
  sub: z.string().optional(),
});

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Reads the caller from `X-Serverless-Authorization` (Cloud Run checks that one first when
 * present) or `Authorization`. The signature is not checked (see above).
 */
export function readCaller(headers: IncomingHttpHeaders): Caller {
  const value = header(headers, 'x-serverless-authorization') ?? header(headers, 'authorization');
  if (value === undefined || value.trim() === '') return { kind: 'none' };
  const match = /^Bearer\s+([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)(?:\.[A-Za-z0-9_-]*)?$/i.exec(
    value.trim(),
  );
  if (!match?.[2]) {
    return { kind: 'malformed', reason: 'the Authorization header is not "Bearer <ID token>"' };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(match[2], 'base64url').toString('utf8'));
  } catch {
    return { kind: 'malformed', reason: 'the ID token in the Authorization header is unreadable' };
  }
  const claims = payloadSchema.safeParse(payload);
  if (!claims.success) {
    return { kind: 'malformed', reason: 'the ID token in the Authorization header is unreadable' };
  }
  return {
    kind: 'token',
    email: claims.data.email?.toLowerCase() ?? null,
    subject: claims.data.sub ?? null,
  };
}

export type Admission =
  | { admitted: true; requestedBy: string | undefined; warning: string | null }
  | { admitted: false; code: 'unauthenticated'; message: string };

/** Whether the code lets the call through (see the header comment) and how it names the caller. */
export function admit(caller: Caller, onCloudRun: boolean): Admission {
  if (caller.kind === 'malformed') {
    return { admitted: false, code: 'unauthenticated', message: caller.reason };
  }
  if (caller.kind === 'none') {
    if (onCloudRun) {
      return {
        admitted: false,
        code: 'unauthenticated',
        message:
          'no identity token: on Google Cloud every call carries one, so this service is open to anyone; redeploy it with --no-allow-unauthenticated',
      };
    }
    return {
      admitted: true,
      requestedBy: 'local',
      warning:
        'a call without an identity token: local development only (on Google Cloud, IAM refuses calls without one)',
    };
  }
  const who = caller.email ?? (caller.subject ? `sub:${caller.subject}` : 'token without email');
  return { admitted: true, requestedBy: who, warning: null };
}
