/** An .xlsx's bytes opened: zip, package map and tabs as raw rows, or a plain `source.unreadable`. */
import type { RawTab } from '../../core/contract/cells.ts';
import { KarnamehError } from '../../core/contract/errors.ts';
import { readCellStyles } from './cell-styles.ts';
import { mapPackage, partText, type PackageMap } from './package-map.ts';
import { readSheet, type SheetContext } from './read-sheet.ts';
import { readSharedStrings } from './shared-strings.ts';
import { XmlFormatError } from './xml-events.ts';
import { readZip, ZipFormatError, type ZipArchive } from './zip-container.ts';

export interface OpenWorkbook {
  zip: ZipArchive;
  map: PackageMap;
}

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function unreadable(path: string, fa: string, en: string, cause?: unknown): KarnamehError {
  return new KarnamehError('source.unreadable', `${path}: ${fa} / ${path} ${en}`, { cause });
}

/** Why `bytes` is not a workbook we can read, in plain words (never a library's internals). */
function explain(path: string, bytes: Buffer, error: unknown): KarnamehError {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE_SIGNATURE)) {
    if (bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'))) {
      return unreadable(
        path,
        'این کارپوشه با گذرواژه رمزگذاری شده است؛ آن را در اکسل باز کنید و بدون گذرواژه ذخیره کنید',
        'is protected with a password (encrypted); open it in Excel and save it without a password',
        error,
      );
    }
    return unreadable(
      path,
      'این فایل در قالب قدیمی .xls است؛ آن را در اکسل یا لیبره‌آفیس با قالب .xlsx ذخیره کنید',
      'is an old-format .xls file; save it as .xlsx in Excel or LibreOffice',
      error,
    );
  }
  // A sound zip whose parts are not well-formed XML (cut short, overwritten) is damaged too.
  if (
    (error instanceof ZipFormatError && error.reason !== 'not-zip') ||
    error instanceof XmlFormatError
  ) {
    return unreadable(
      path,
      'فایل ناقص یا آسیب‌دیده است (شاید کامل رونوشت یا بارگیری نشده)؛ نسخهٔ سالم آن را بگذارید',
      'is truncated or damaged (perhaps not completely copied or downloaded); put back a sound copy',
      error,
    );
  }
  return unreadable(
    path,
    'این فایل کارپوشهٔ اکسل (.xlsx) نیست',
    'is not an Excel workbook (.xlsx)',
    error,
  );
}

/** The zip and package map of the workbook in `bytes`; a plain `source.unreadable` otherwise. */
export function openWorkbook(bytes: Buffer, path: string, allowEmpty = false): OpenWorkbook {
  try {
    const zip = readZip(bytes);
    const map = mapPackage(zip);
    if (map === undefined || (map.sheets.length === 0 && !allowEmpty))
      throw new Error('no workbook part');
    return { zip, map };
  } catch (error) {
    throw explain(path, bytes, error);
  }
}

/** Every worksheet as a RawTab, in workbook order (chart sheets have no cells and are left out). */
export function readTabs(
  open: OpenWorkbook,
  path: string,
  only?: (name: string) => boolean,
): RawTab[] {
  const { zip, map } = open;
  try {
    const context: SheetContext = {
      sharedStrings: readSharedStrings(
        map.sharedStringsPart && partText(zip, map.sharedStringsPart),
      ),
      styles: readCellStyles(map.stylesPart && partText(zip, map.stylesPart)),
      date1904: map.date1904,
    };
    return map.sheets
      .filter((sheet) => sheet.isWorksheet && (only === undefined || only(sheet.name)))
      .map((sheet) => ({
        name: sheet.name,
        ...readSheet(sheetText(open, sheet.part), context),
      }));
  } catch (error) {
    throw explain(path, zip.bytes, error);
  }
}

function sheetText(open: OpenWorkbook, part: string): string {
  const text = partText(open.zip, part);
  if (text === undefined) throw new ZipFormatError('damaged', `${part} is missing`);
  return text;
}
