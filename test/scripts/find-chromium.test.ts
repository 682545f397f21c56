/** The rendering tests' browser lookup: KARNAMEH_CHROMIUM first, then the usual names on PATH. */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/find-chromium.ts';

const folders: string[] = [];
function folderWith(files: Record<string, number>): string {
  const dir = mkdtempSync(join(tmpdir(), 'karnameh-chromium-'));
  folders.push(dir);
  for (const [name, mode] of Object.entries(files)) {
    writeFileSync(join(dir, name), '#!/bin/sh\n');
    chmodSync(join(dir, name), mode);
  }
  return dir;
}
afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('findChromium', () => {
  it('takes KARNAMEH_CHROMIUM when it is an executable file', () => {
    const dir = folderWith({ 'my-browser': 0o755 });
    expect(findChromium({ KARNAMEH_CHROMIUM: join(dir, 'my-browser'), PATH: '' })).toEqual({
      path: join(dir, 'my-browser'),
    });
  });

  it('says so when KARNAMEH_CHROMIUM is not executable, instead of looking elsewhere', () => {
    const dir = folderWith({ 'my-browser': 0o644, chromium: 0o755 });
    const found = findChromium({ KARNAMEH_CHROMIUM: join(dir, 'my-browser'), PATH: dir });
    expect(found.path).toBeNull();
    expect(found).toMatchObject({ why: expect.stringContaining('KARNAMEH_CHROMIUM') });
  });

  it('finds chromium-browser or google-chrome on PATH, skipping a file that cannot run', () => {
    const notRunnable = folderWith({ chromium: 0o644 });
    const chrome = folderWith({ 'google-chrome': 0o755 });
    const found = findChromium({ PATH: [notRunnable, chrome].join(':') });
    expect(found.path).toBe(join(chrome, 'google-chrome'));
  });

  it('prefers chromium to google-chrome when both are there', () => {
    const dir = folderWith({ 'google-chrome': 0o755, 'chromium-browser': 0o755 });
    expect(findChromium({ PATH: dir }).path).toBe(join(dir, 'chromium-browser'));
  });
});
