/** The run row's last word: `written` (not `sent`) when the outbox only wrote .eml files. */
import { describe, expect, it } from 'vitest';
import { closingRow, closingWithCards } from '../../../functions/use-cases/run-month/report.ts';
import type { DeliveryResult } from '../../../functions/use-cases/delivery-ledger/deliver.ts';
import type { DeliveryOutcome } from '../../../functions/use-cases/delivery-ledger/ledger.ts';

const outcome = (key: string, fields: Partial<DeliveryOutcome> = {}): DeliveryOutcome => ({
  key,
  email: key.split(':').pop() ?? key,
  status: 'sent',
  detail: `<${key}@karnameh>`,
  ...fields,
});
const result = (outcomes: DeliveryOutcome[]): DeliveryResult => ({
  outcomes,
  skipped: [],
  interrupted: false,
});

describe('closingRow', () => {
  it('a run whose messages went over SMTP ends `sent`', () => {
    const row = closingRow(result([outcome('a@x.org'), outcome('b@x.org')]), '');
    expect(row).toEqual({ status: 'sent', detail: 'ارسال به 2 گیرنده' });
  });

  it('a run whose messages the outbox wrote ends `written`, its note saying nothing went out', () => {
    const written = [
      outcome('a@x.org', { file: '/o/a.eml' }),
      outcome('b@x.org', { file: '/o/b.eml' }),
    ];
    const row = closingRow(result(written), '');
    expect(row.status).toBe('written');
    expect(row.detail).toBe('2 نامه در پوشهٔ خروجی (.eml) نوشته شد؛ چیزی فرستاده نشد');
  });

  it('a written run with a failure is `partial`, as over SMTP', () => {
    const row = closingRow(
      result([outcome('a@x.org', { file: '/o/a.eml' }), outcome('b@x.org', { status: 'failed' })]),
      '',
    );
    expect(row.status).toBe('partial');
  });

  it('the cards written as .eml are said so in the run row', () => {
    const release = result([outcome('a@x.org', { file: '/o/a.eml' })]);
    const cards = result([outcome('d1:c@x.org', { file: '/o/c.eml' })]);
    const row = closingWithCards(release, cards, '');
    expect(row.status).toBe('written');
    expect(row.detail).toContain('کارنامه: 1 نامه در پوشهٔ خروجی (.eml) نوشته شد');
    expect(
      closingWithCards(result([outcome('a@x.org')]), result([outcome('d1:c@x.org')]), ''),
    ).toMatchObject({ status: 'sent', detail: 'ارسال به 1 گیرنده؛ کارنامه: ارسال به 1 دستگاه' });
  });
});
