/** A reminder round's run row at its end: `written` when the outbox only wrote .eml files. */
import { describe, expect, it } from 'vitest';
import { closing } from '../../functions/use-cases/reminder-round-row.ts';
import type { DeliveryOutcome } from '../../functions/use-cases/delivery-ledger/ledger.ts';

const outcome = (key: string, file?: string): DeliveryOutcome => ({
  key,
  email: key,
  status: 'sent',
  detail: '<m@karnameh>',
  ...(file ? { file } : {}),
});

describe('closing', () => {
  it('a round sent over SMTP is `sent`', () => {
    expect(closing([outcome('a@x.org'), outcome('b@x.org')])).toEqual({
      status: 'sent',
      detail: 'یادآوری: 2 فرستاده شد',
    });
  });

  it('a round the outbox wrote is `written`, its note saying nothing went out', () => {
    expect(closing([outcome('a@x.org', '/o/a.eml')])).toEqual({
      status: 'written',
      detail: 'یادآوری: 1 در پوشهٔ خروجی (.eml) نوشته شد؛ چیزی فرستاده نشد',
    });
  });
});
