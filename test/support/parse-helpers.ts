/** Small helpers shared by the parse-* tests. */
import { expect } from 'vitest';
import type { RawWorkbook } from '../../functions/core/contract/cells.ts';
import type { ParseResult } from '../../functions/core/contract/model.ts';
import { parseWorkbook } from '../../functions/core/contract/parse-workbook.ts';
import type { Problem, ProblemCode } from '../../functions/core/contract/problems.ts';
import { SAMPLE_MONTH } from './raw-workbooks.ts';

export function parse(workbook: RawWorkbook, month = SAMPLE_MONTH): ParseResult {
  return parseWorkbook(workbook, { month });
}

/** `code tab!cell` for each problem, in order: compact to compare. */
export function where(result: ParseResult): string[] {
  return result.problems.map((p) => `${p.code} ${p.tab}!${p.cell}`);
}

/** The one problem with this code (fails when there is not exactly one). */
export function one(result: ParseResult, code: ProblemCode): Problem {
  const found = result.problems.filter((p) => p.code === code);
  expect(found, `${code} in ${JSON.stringify(where(result))}`).toHaveLength(1);
  return found[0] as Problem;
}

/** Persian messages: Persian script, no ASCII digits outside quoted sheet values and Latin names. */
export function expectPersian(message: string): void {
  expect(message).toMatch(/[\u0600-\u06FF]/);
  const outsideQuotes = message.replace(/«[^»]*»/g, '').replace(/\([^)]*\)/g, '');
  expect(outsideQuotes).not.toMatch(/[0-9]/);
}
