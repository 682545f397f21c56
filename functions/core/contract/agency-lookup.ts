// Finding the agency a scores row names: by id, else by name, among the agencies read.
import { cellText } from './cell-values.ts';
import type { CellValue } from './cells.ts';
import type { Agency } from './model.ts';
import { normalizeName } from '../language/normalize.ts';

/** Finding the agency a scores row names. */
export type AgencyMatch =
  | { kind: 'found'; agency: Agency }
  /** An id whose row in the agencies tab is itself invalid (reported there). */
  | { kind: 'excluded' }
  | { kind: 'ambiguous' }
  | { kind: 'unknown' };

/** An agency by id or, when no id matches, by name (normalized); the ids of rows left out say so. */
export function agencyLookup(
  agencies: readonly Agency[],
  excluded: ReadonlySet<string>,
): (cell: CellValue) => AgencyMatch {
  const byId = new Map<string, Agency>();
  for (const agency of agencies) byId.set(normalizeName(agency.id), agency);
  const byName = new Map<string, Agency | 'ambiguous'>();
  for (const agency of agencies) {
    const key = normalizeName(agency.name);
    byName.set(key, byName.has(key) ? 'ambiguous' : agency);
  }
  return (cell) => {
    const key = normalizeName(cellText(cell));
    if (key === '') return { kind: 'unknown' };
    const agency = byId.get(key);
    if (agency) return { kind: 'found', agency };
    if (excluded.has(key)) return { kind: 'excluded' };
    const named = byName.get(key);
    if (named === 'ambiguous') return { kind: 'ambiguous' };
    if (named) return { kind: 'found', agency: named };
    return { kind: 'unknown' };
  };
}
