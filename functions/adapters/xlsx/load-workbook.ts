import { readFile, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { KarnamehError } from '../../core/errors.ts';
import { writeAtomically } from './atomic-write.ts';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The file's bytes; `source.not_found` when it does not exist, `source.unreadable` otherwise. */
export async function readSourceBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new KarnamehError('source.not_found', `workbook file not found: ${path}`, {
        cause: error,
      });
    }
    throw new KarnamehError('source.unreadable', `cannot read ${path}: ${messageOf(error)}`, {
      cause: error,
    });
  }
}

/** True when something exists at `path` (readable or not). */
export async function fileExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** Parses .xlsx bytes; `source.unreadable` (naming `path`) when they are not a workbook. */
export async function loadWorkbook(bytes: Buffer, path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new KarnamehError(
      'source.unreadable',
      `${path} is not a readable .xlsx workbook: ${messageOf(error)}`,
      { cause: error },
    );
  }
  if (workbook.worksheets.length === 0) {
    throw new KarnamehError(
      'source.unreadable',
      `${path} holds no worksheets (is it an .xlsx file?)`,
    );
  }
  return workbook;
}

/** Writes the workbook over `path` atomically (see writeAtomically). */
export async function saveWorkbook(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  await writeAtomically(path, async (tempPath) => {
    await workbook.xlsx.writeFile(tempPath);
  });
}
