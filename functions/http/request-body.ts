/** The body of a `monthlyRun` call: `{ month?, dryRun?, force?, resendUnconfirmed?, allowIncomplete? }`, nothing else. */
import * as z from 'zod';
import { isMonthKey } from '../core/jalali.ts';

export const monthlyRunBodySchema = z.strictObject({
  month: z.string().refine(isMonthKey, 'must be a Jalali year-month like 1403-04').optional(),
  dryRun: z.boolean().optional(),
  force: z.boolean().optional(),
  resendUnconfirmed: z.boolean().optional(),
  allowIncomplete: z.boolean().optional(),
});

export type MonthlyRunBody = z.infer<typeof monthlyRunBodySchema>;

export interface FieldIssue {
  /** The field at fault (`month`, `dryRun`, …); `body` for the body as a whole. */
  field: string;
  message: string;
}

export type BodyResult = { ok: true; body: MonthlyRunBody } | { ok: false; issues: FieldIssue[] };

/**
 * The JSON the caller sent, whatever Content-Type it came with (`curl -d` says
 * application/x-www-form-urlencoded): the raw bytes when the framework kept them, else the
 * parsed body. No body at all is `{}` (a run of the default month).
 */
function jsonOf(rawBody: Buffer | undefined, parsed: unknown): { value: unknown } | null {
  const text =
    rawBody !== undefined ? rawBody.toString('utf8') : typeof parsed === 'string' ? parsed : null;
  if (text === null) {
    return { value: parsed === undefined || parsed === null ? {} : parsed };
  }
  if (text.trim() === '') return { value: {} };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

export function parseMonthlyRunBody(rawBody: Buffer | undefined, parsed: unknown): BodyResult {
  const json = jsonOf(rawBody, parsed);
  if (!json) return { ok: false, issues: [{ field: 'body', message: 'is not JSON' }] };
  if (typeof json.value !== 'object' || json.value === null || Array.isArray(json.value)) {
    return { ok: false, issues: [{ field: 'body', message: 'must be a JSON object' }] };
  }
  const result = monthlyRunBodySchema.safeParse(json.value);
  if (result.success) return { ok: true, body: result.data };
  return {
    ok: false,
    issues: result.error.issues.flatMap((issue): FieldIssue[] => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({
          field: key,
          message:
            'is not a field of this call (month, dryRun, force, resendUnconfirmed, allowIncomplete)',
        }));
      }
      const field = issue.path.join('.') || 'body';
      const message =
        issue.code === 'invalid_type'
          ? `must be ${issue.expected === 'boolean' ? 'true or false' : `a ${issue.expected}`}`
          : issue.message;
      return [{ field, message }];
    }),
  };
}
