import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCardRenderer } from '../../../functions/adapters/mail/render-card.ts';
import {
  createReleaseRenderer,
  packageRoot,
} from '../../../functions/adapters/mail/render-release.ts';
import { createReminderRenderer } from '../../../functions/adapters/mail/render-reminder.ts';
import {
  handlebarsRuntime,
  templateCache,
} from '../../../functions/adapters/mail/template-cache.ts';
import { cardRun } from '../../support/card-fixtures.ts';

/**
 * The card and reminder templates go through the same cache of precompiled templates as
 * the release (node_modules/.cache/karnameh-templates, keyed by the template's text): an
 * unchanged template starts without the Handlebars compiler, and an edited one shows in the
 * next preview (README, "edit a template and preview").
 */
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function templatesCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'karnameh-templates-'));
  dirs.push(dir);
  cpSync(join(packageRoot(), 'templates'), dir, { recursive: true });
  return dir;
}

const cacheDir = join(packageRoot(), 'node_modules', '.cache', 'karnameh-templates');
const view = () => {
  const card = cardRun().cards[0];
  if (!card) throw new Error('the fixture has no card');
  return card.view;
};

describe('card templates', () => {
  it('are precompiled into the cache, and an edited one shows at the next start', () => {
    const dir = templatesCopy();
    const before = createCardRenderer(dir)(view());
    expect(existsSync(cacheDir)).toBe(true);
    const stamp = `edited ${process.pid} ${Date.now()}`;
    writeFileSync(join(dir, 'card.subject.hbs'), `${stamp} {{view.agencyName}}`);
    writeFileSync(join(dir, 'card.text.hbs'), `{{view.agencyName}} ${stamp}`);
    const cached = new Set(readdirSync(cacheDir));
    const after = createCardRenderer(dir)(view());
    expect(before.subject).not.toContain(stamp);
    expect(after.subject).toBe(`${stamp} ${view().agencyName}`);
    expect(after.text).toBe(`${view().agencyName} ${stamp}\n`);
    expect(after.html).toContain(`<title>${stamp} ${view().agencyName}</title>`);
    // Each edited template was compiled once and kept: two new cache files.
    expect(readdirSync(cacheDir).filter((f) => !cached.has(f))).toHaveLength(2);
    // The same edited text again is taken from the cache (nothing new).
    expect(createCardRenderer(dir)(view()).subject).toBe(after.subject);
    expect(readdirSync(cacheDir).filter((f) => !cached.has(f))).toHaveLength(2);
  });

  it('that do not parse fail at creation, naming the file', () => {
    const dir = templatesCopy();
    writeFileSync(join(dir, 'card.html.hbs'), `{{#if view.agencyName}}unclosed ${Date.now()}`);
    expect(() => createCardRenderer(dir)).toThrow(/card template .*card\.html\.hbs/);
  });

  it('that are missing fail at creation, naming the file', () => {
    const dir = templatesCopy();
    rmSync(join(dir, 'card.text.hbs'));
    expect(() => createCardRenderer(dir)).toThrow(/card template .*card\.text\.hbs/);
  });

  it('still escape sheet values in the HTML and keep the helpers', () => {
    const dir = templatesCopy();
    writeFileSync(join(dir, 'card.html.hbs'), '{{view.agencyName}} {{ltr "a<b"}} {{digits 12}}');
    writeFileSync(join(dir, 'card.text.hbs'), '{{ltr "a<b"}} {{digits 12}}');
    const card = createCardRenderer(dir)(view());
    expect(card.html).toBe(`${view().agencyName} <span dir="ltr">a&lt;b</span> ۱۲`);
    expect(card.text).toBe('a<b ۱۲\n');
  });
});

describe('release templates', () => {
  it('compiled once are all taken from the cache at the next start', () => {
    const dir = templatesCopy();
    // Edits (a comment), so that each template is compiled afresh in this test: a partial,
    // then the templates compiled after it with the same options.
    const stamp = `{{!-- ${process.pid} ${Date.now()} --}}`;
    writeFileSync(join(dir, 'partials', 'zz-test.hbs'), `partial ${stamp}`);
    for (const file of ['release.html.hbs', 'release.text.hbs', 'release.subject.hbs']) {
      writeFileSync(join(dir, file), `${readFileSync(join(dir, file), 'utf8')}${stamp}`);
    }
    createReleaseRenderer(dir);
    const cached = new Set(readdirSync(cacheDir));
    createReleaseRenderer(dir);
    expect(readdirSync(cacheDir).filter((f) => !cached.has(f))).toEqual([]);
  });
});

describe('reminder templates', () => {
  it('that do not parse fail at creation, naming the file', () => {
    const dir = templatesCopy();
    writeFileSync(join(dir, 'digest.text.hbs'), `{{#each view.rows}}unclosed ${Date.now()}`);
    expect(() => createReminderRenderer(dir)).toThrow(/reminder template .*digest\.text\.hbs/);
  });
});

describe('the cache itself', () => {
  it('recompiles a damaged cache file, and compiles each time where it cannot write', () => {
    const root = mkdtempSync(join(tmpdir(), 'karnameh-cache-root-'));
    dirs.push(root);
    const cache = templateCache(root);
    const options = { strict: true, noEscape: true };
    const render = () =>
      cache.compile<{ name: string }>(
        handlebarsRuntime.create(),
        'hi {{name}}',
        options,
        't',
      )({
        name: 'x',
      });
    expect(render()).toBe('hi x');
    const dir = join(root, 'node_modules', '.cache', 'karnameh-templates');
    const [file] = readdirSync(dir);
    if (file === undefined) throw new Error('nothing cached');
    writeFileSync(join(dir, file), '{"compiler": [8, '); // cut short, as by a full disk
    expect(render()).toBe('hi x');
    expect(readFileSync(join(dir, file), 'utf8')).not.toBe('{"compiler": [8, ');

    const blocked = mkdtempSync(join(tmpdir(), 'karnameh-cache-root-'));
    dirs.push(blocked);
    writeFileSync(join(blocked, 'node_modules'), 'a file where the cache folder would go');
    const uncached = templateCache(blocked).compile<{ name: string }>(
      handlebarsRuntime.create(),
      'bye {{name}}',
      options,
      't',
    );
    expect(uncached({ name: 'y' })).toBe('bye y');
  });
});
