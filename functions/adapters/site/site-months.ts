/** Reading a kept month (`YYYY-MM/results.json`) back, the same for a folder and a bucket. */
import { KarnamehError } from '../../core/contract/errors.ts';
import { publishedMonthSchema, type PublishedMonth } from '../../core/site/site-record.ts';

/** `1403-04/results.json` → `1403-04`; anything else → null. */
export function keptMonthOf(path: string): string | null {
  return /^(\d{4}-\d{2})\/results\.json$/.exec(path)?.[1] ?? null;
}

/** `1403-04/infographic.png` → `1403-04`; anything else → null. */
export function infographicMonthOf(path: string): string | null {
  return /^(\d{4}-\d{2})\/infographic\.png$/.exec(path)?.[1] ?? null;
}

/**
 * The kept month in `text`, read from `where`: JSON that the site's schema accepts, of the
 * month its folder says. Anything else is `source.unreadable` naming the file: a month is
 * never left out of the site in silence.
 */
export function parseKeptMonth(text: string, where: string, month: string): PublishedMonth {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new KarnamehError('source.unreadable', `${where} is not JSON: ${String(error)}`);
  }
  const parsed = publishedMonthSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KarnamehError(
      'source.unreadable',
      `${where} is not a month kept by karnameh (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}); put back the file the run wrote, or remove its folder`,
    );
  }
  if (parsed.data.month !== month) {
    throw new KarnamehError(
      'source.unreadable',
      `${where} holds the month ${parsed.data.month}, not ${month}; put it back in its own folder`,
    );
  }
  return parsed.data;
}
