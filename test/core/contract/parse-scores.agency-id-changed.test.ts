// An agency id changed in the agencies tab after open: its rows are score.agency_unknown naming the likely new id.
import { describe, expect, it } from 'vitest';
import { fromTabs, sampleTabs } from '../../support/raw-workbooks.ts';
import { parse } from '../../support/parse-helpers.ts';

describe('an agency id changed after open', () => {
  it("names the id the row's agency name now has", () => {
    const tabs = sampleTabs();
    const scores = tabs['امتیازها'] ?? [];
    scores[0]?.push('نام دستگاه');
    for (const row of scores.slice(1)) if (row[1] === 'a01') row[7] = 'اداره کل برق';
    const agencies = tabs['دستگاه‌ها'] ?? [];
    const barq = agencies.find((r) => r[0] === 'a01');
    if (barq) barq[0] = 'b07';
    const result = parse(fromTabs(tabs));
    const unknown = result.problems.filter((p) => p.code === 'score.agency_unknown');
    expect(unknown.length).toBeGreaterThan(0);
    for (const p of unknown) {
      expect(p.cell).toMatch(/^B\d+$/);
      expect(p.message).toContain('«b07»');
      expect(p.message).toContain('«a01»');
    }
  });

  it('without the name column the message is the plain one', () => {
    const tabs = sampleTabs();
    const agencies = tabs['دستگاه‌ها'] ?? [];
    const barq = agencies.find((r) => r[0] === 'a01');
    if (barq) barq[0] = 'b07';
    const unknown = parse(fromTabs(tabs)).problems.filter((p) => p.code === 'score.agency_unknown');
    expect(unknown.length).toBeGreaterThan(0);
    for (const p of unknown) expect(p.message).not.toContain('b07');
  });
});
