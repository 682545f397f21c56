/**
 * Agency names that look like formulas or markup round-trip as text through a run on a
 * Google Sheet: the results tab holds them as `stringValue`, never `formulaValue`, and the
 * release preview shows them escaped.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnLetter } from '../../../functions/core/contract/cells.ts';
import { RISKY_NAMES, contractWorkbook } from '../../support/contract-workbook.ts';
import {
  batchRequests,
  scratchDir,
  sentValues,
  standInEnv,
  type Scratch,
} from '../../support/sheets-cli.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-stand-in.ts';
import { karnameh } from '../../support/cli-harness.ts';

const SHEET = 'risky-names-sheet';
const AGENCY_COLUMN = 4; // results: month, group, rank, id, agency, …

let standIn: SheetsStandIn;
let box: Scratch;

beforeAll(async () => {
  standIn = await startSheetsStandIn();
  box = await scratchDir();
  standIn.loadWorkbook(SHEET, contractWorkbook());
  const result = await karnameh(
    ['run', '--sheet', SHEET, '--month', '1403-04', '--outbox', box.outbox],
    standInEnv(standIn),
  );
  expect(result.code, result.stderr).toBe(0);
});
afterAll(async () => {
  await standIn?.close();
  await box?.cleanup();
});

describe.each(RISKY_NAMES)('the agency named %s', (name) => {
  it('was sent to Sheets as a stringValue', () => {
    expect(sentValues(standIn)).toContainEqual({ stringValue: name });
  });

  it('is held as text in the results tab', () => {
    const rows = standIn.tabRows(SHEET, 'نتایج');
    const at = rows.findIndex((row) => row[AGENCY_COLUMN] === name);
    expect(at).toBeGreaterThan(0);
    const cell = standIn.cell(SHEET, 'نتایج', `${columnLetter(AGENCY_COLUMN)}${at + 1}`);
    expect(cell?.userEnteredValue).toEqual({ stringValue: name });
  });
});

describe('the run', () => {
  it('sent no formula at all', () => {
    expect(batchRequests(standIn).length).toBeGreaterThan(0);
    expect(JSON.stringify(batchRequests(standIn))).not.toContain('formulaValue');
    expect(sentValues(standIn).every((v) => Object.keys(v).length === 1)).toBe(true);
  });

  it('shows the names escaped in the release, never as markup', async () => {
    const dry = await karnameh(
      ['run', '--sheet', SHEET, '--month', '1403-04', '--dry-run', '--outbox', box.outbox],
      standInEnv(standIn),
    );
    expect(dry.code, dry.stderr).toBe(0);
    const html = await readFile(join(box.outbox, 'preview', 'release.html'), 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src');
    const text = await readFile(join(box.outbox, 'preview', 'release.txt'), 'utf8');
    expect(text).toContain('<img src=x onerror=alert(1)>');
  });
});
