/** The body of a `monthlyRun` call: `{ month?, dryRun?, force?, resendUnconfirmed?, allowIncomplete? }`, nothing else. */
import * as z from 'zod';
import type { MonthKey } from '../core/language/jalali.ts';
import { chooseMonth } from '../core/contract/month-rule.ts';

/** `month` in any form of a month cell (the month rule, core/contract/month-rule.ts), checked after. */
const monthlyRunBodySchema = z.strictObject({
  month: z.string().optional(),
  dryRun: z.boolean().optional(),
  force: z.boolean().optional(),
  resendUnconfirmed: z.boolean().optional(),
  allowIncomplete: z.boolean().optional(),
});

/** The body as validated: `month` canonical (`1403-04`) when given. */
type MonthlyRunBody = Omit<z.infer<typeof monthlyRunBodySchema>, 'month'> & {
  month?: MonthKey;
};

interface FieldIssue {
  /** The field at fault (`month`, `dryRun`, …); `body` for the body as a whole. */
  field: string;
  message: string;
}

/** `month.future`: a month that has not begun (the month rule); else `request.invalid`. */
export type BodyResult =
  | { ok: true; body: MonthlyRunBody }
  | { ok: false; code: 'request.invalid' | 'month.future'; issues: FieldIssue[] };

const invalid = (issues: FieldIssue[]): BodyResult => ({
  ok: false,
  code: 'request.invalid',
  issues,
});

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

export function parseMonthlyRunBody(
  rawBody: Buffer | undefined,
  parsed: unknown,
  now: Date,
): BodyResult {
  const json = jsonOf(rawBody, parsed);
  if (!json) return invalid([{ field: 'body', message: 'is not JSON' }]);
  if (typeof json.value !== 'object' || json.value === null || Array.isArray(json.value)) {
    return invalid([{ field: 'body', message: 'must be a JSON object' }]);
  }
  const result = monthlyRunBodySchema.safeParse(json.value);
  if (result.success) {
    const { month: text, ...rest } = result.data;
    if (text === undefined) return { ok: true, body: rest };
    const choice = chooseMonth(text, now);
    if (choice.ok) return { ok: true, body: { ...rest, month: choice.month } };
    const issues = [{ field: 'month', message: choice.message }];
    return choice.code === 'month.future'
      ? { ok: false, code: 'month.future', issues }
      : invalid(issues);
  }
  return invalid(
    result.error.issues.flatMap((issue): FieldIssue[] => {
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
  );
}
