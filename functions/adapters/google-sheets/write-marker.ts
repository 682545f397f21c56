/**
 * At most once, for a write that cannot safely land twice.
 *
 * After a timeout or a 5xx a batch may still be applying at Google, and the re-read may be
 * answered from the state before it (reads lag writes on large sheets), so a re-planned
 * batch sent then could land on top of the first one. A batch is sent again only when
 * landing twice is harmless or impossible:
 *
 * - it only overwrites fixed cells (`updateCells` over a range, `repeatCell`, validation,
 *   protection editors): the same plan applied twice, in any order, leaves the same sheet;
 * - it adds a tab by a fixed id: Google refuses a second tab with that id and title, and
 *   with it the whole batch;
 * - anything else (rows inserted, deleted or appended) carries the write marker: one
 *   spreadsheet-level developer metadata entry with a fixed id, whose value names the last
 *   write. The batch first deletes the marker holding the value it was planned against,
 *   then creates it anew with its own write id. Once one copy of the write has landed, the
 *   marker holds that id, so any other copy (the late first one, or the resend) finds no
 *   marker to delete, fails to create an existing one and is refused whole. It doubles as
 *   a check that nobody else wrote between the read and the write.
 */
import type { sheets_v4 } from '@googleapis/sheets';

type Request = sheets_v4.Schema$Request;

/** The marker's developer metadata id ("karn") and key. */
export const MARKER_ID = 0x6b61726e;
const MARKER_KEY = 'karnameh.write';

/** What `spreadsheets.get` is asked for besides the tabs: the spreadsheet's metadata. */
export const MARKER_FIELDS = 'developerMetadata(metadataId,metadataValue)';

/** The marker's value in a `spreadsheets.get` answer: the last marked write, or null. */
export function markerOf(spreadsheet: sheets_v4.Schema$Spreadsheet): string | null {
  const found = spreadsheet.developerMetadata?.find((m) => m.metadataId === MARKER_ID);
  return found ? (found.metadataValue ?? '') : null;
}

const IDEMPOTENT = new Set(['repeatCell', 'setDataValidation', 'updateProtectedRange']);

/** How a batch may be sent again after an ambiguous failure (see the file's comment). */
export function resendSafety(requests: readonly Request[]): 'idempotent' | 'guarded' | 'marker' {
  if (requests.some((r) => r.addSheet?.properties?.sheetId !== undefined)) return 'guarded';
  const fixed = requests.every((r) => {
    if (r.updateCells)
      return r.updateCells.range !== undefined || r.updateCells.start !== undefined;
    return Object.keys(r).every((kind) => IDEMPOTENT.has(kind));
  });
  return fixed ? 'idempotent' : 'marker';
}

/** The requests that swap the marker from `expected` (null: none yet) to `value`. */
export function markerRequests(expected: string | null, value: string): Request[] {
  const swap: Request[] =
    expected === null
      ? []
      : [
          {
            deleteDeveloperMetadata: {
              dataFilter: {
                developerMetadataLookup: { metadataId: MARKER_ID, metadataValue: expected },
              },
            },
          },
        ];
  return [
    ...swap,
    {
      createDeveloperMetadata: {
        developerMetadata: {
          metadataId: MARKER_ID,
          metadataKey: MARKER_KEY,
          metadataValue: value,
          location: { spreadsheet: true },
          visibility: 'DOCUMENT',
        },
      },
    },
  ];
}
