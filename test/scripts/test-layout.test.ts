// The tests mirror the sources: every test outside test/scenarios/ has its source at the mirrored path.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mirroredSources, TEST_MOVES } from '../../scripts/test-layout.ts';

const ROOT = join(import.meta.dirname, '../..');
const testFiles = readdirSync(join(ROOT, 'test'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
  .map((e) => relative(ROOT, join(e.parentPath, e.name)));

describe('the test layout', () => {
  it('gives every unit test a source at its mirrored path', () => {
    const orphans = testFiles.filter(
      (file) => mirroredSources(file)?.some((source) => existsSync(join(ROOT, source))) === false,
    );
    expect(orphans, 'move them, or put them under test/scenarios/<topic>/').toEqual([]);
  });

  it('keeps scaffolding out of the test folders: helpers in test/support/, data in test/fixtures/', () => {
    const loose = readdirSync(join(ROOT, 'test'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
      .map((e) => relative(ROOT, join(e.parentPath, e.name)))
      .filter((file) => !/^test\/(support|fixtures)\//.test(file));
    expect(loose).toEqual([]);
  });

  it('finds the source of a name with an aspect, and none for a scenario', () => {
    expect(mirroredSources('test/core/language/jalali.test.ts')).toContain(
      'functions/core/language/jalali.ts',
    );
    expect(mirroredSources('test/adapters/xlsx/xlsx-store.parts.test.ts')).toContain(
      'functions/adapters/xlsx/xlsx-store.ts',
    );
    expect(mirroredSources('test/scripts/deploy.test.ts')).toContain('scripts/deploy.ts');
    expect(mirroredSources('test/support/sheets-stand-in.google.test.ts')).toContain(
      'test/support/sheets-stand-in.ts',
    );
    expect(mirroredSources('test/scenarios/smtp/remind.test.ts')).toBeNull();
    expect(
      mirroredSources('test/core/language/no-such-source.test.ts')?.some((s) =>
        existsSync(join(ROOT, s)),
      ),
    ).toBe(false);
  });

  it('moves each old path to one new path, and no two to the same', () => {
    const targets = Object.values(TEST_MOVES);
    expect(new Set(targets).size).toBe(targets.length);
    expect(targets.filter((t) => !existsSync(join(ROOT, t)))).toEqual([]);
  });
});
