// score.agency_mismatch: a scores row's agency_name (written by open) that names another agency than its id.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../functions/core/contract/cells.ts';
import { fromTabs, sampleTabs } from '../../support/raw-workbooks.ts';
import { expectPersian, one, parse, where } from '../../support/parse-helpers.ts';

const SCORES = 'امتیازها';

/** The sample with a «نام دستگاه» column (H) holding each row's name, then `name` on row 3 (a01, 1403-04). */
function withName(name: CellValue, header = 'نام دستگاه') {
  const tabs = sampleTabs();
  const scores = tabs[SCORES] ?? [];
  const names: Record<string, string> = {
    a01: 'اداره کل برق',
    a02: 'اداره کل بهزیستی',
    f01: 'فرمانداری بدره',
    f02: 'فرمانداری دهلران',
  };
  scores[0]?.push(header);
  for (const row of scores.slice(1)) row.push(names[String(row[1])] ?? '');
  const row = scores[2];
  if (row) row[7] = name;
  return fromTabs(tabs);
}

describe('score.agency_mismatch', () => {
  it('the name of another agency: a warning at the name cell naming both; the id counts', () => {
    const result = parse(withName('اداره کل بهزیستی'));
    const problem = one(result, 'score.agency_mismatch');
    expect(problem).toMatchObject({
      severity: 'warning',
      tab: SCORES,
      cell: 'H3',
      month: '1403-04',
      message:
        'نام دستگاه این ردیف «اداره کل بهزیستی» است، ولی شناسهٔ «a01» در برگهٔ «دستگاه‌ها» از آنِ «اداره کل برق» است و «اداره کل بهزیستی» شناسهٔ «a02» دارد. اگر این ردیف از آنِ «اداره کل بهزیستی» است، شناسه را «a02» بنویسید؛ وگرنه نام را «اداره کل برق» کنید. امتیازهای این ردیف به نام «اداره کل برق» شمرده می‌شوند.',
    });
    expect(problem.agencyId).toBeUndefined();
    expectPersian(problem.message);
    // The row still counts, for its id, and the agency is evaluated.
    const row = result.model.scores.find((s) => s.month === '1403-04' && s.agencyId === 'a01');
    expect(row?.values).toEqual({ ش۱: 8, ش۲: 9, ش۳: 10, ش۴: 5 });
    expect(where(result)).toEqual(['score.agency_mismatch امتیازها!H3']);
  });

  it('a name no agency has: the warning says to correct the name or the id', () => {
    const problem = one(parse(withName('اداره کل گاز', 'agency_name')), 'score.agency_mismatch');
    expect(problem.cell).toBe('H3');
    expect(problem.message).toBe(
      'نام دستگاه این ردیف «اداره کل گاز» است، ولی شناسهٔ «a01» در برگهٔ «دستگاه‌ها» از آنِ «اداره کل برق» است. اگر نام دستگاه عوض شده است، این خانه را «اداره کل برق» کنید؛ وگرنه شناسهٔ درست را بنویسید. امتیازهای این ردیف به نام «اداره کل برق» شمرده می‌شوند.',
    );
  });

  it.each<[string, CellValue]>([
    ['the same name with Arabic letters, other spaces and a ZWNJ', ' اداره  كل\u200cبرق '],
    ['a blank name', null],
    ['only spaces', '   '],
    ["the agency's id", 'A01'],
  ])('%s: no problem', (_, name) => {
    expect(parse(withName(name)).problems).toEqual([]);
  });

  it('a second row for the agency and month is reported as the duplicate only', () => {
    const workbook = withName('اداره کل برق');
    const scores = workbook.tabs.find((t) => t.name === SCORES);
    scores?.rows.push(['1403-04', 'a01', 1, 1, 1, 1, '', 'فرمانداری بدره']);
    expect(where(parse(workbook))).toEqual(['score.duplicate امتیازها!7:7']);
  });
});
