import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { createPreviewWriter } from '../../../functions/adapters/mail/preview-writer.ts';
import { createReleaseRenderer } from '../../../functions/adapters/mail/render-release.ts';
import { infographicSvg } from '../../../functions/core/infographic/infographic-svg.ts';
import { tirInput } from '../../support/release-fixtures.ts';

const input = tirInput();
const release = createReleaseRenderer()(input);
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('the infographic in the release', () => {
  it('comes with the rendered release: the SVG of its figures, the PNG rendered once', async () => {
    const picture = release.infographic;
    expect(picture?.svg).toBe(infographicSvg(input));
    expect(picture?.filename).toBe('karnameh-1403-04-infographic.png');
    const first = picture?.png();
    expect(picture?.png()).toBe(first);
    const png = PNG.sync.read((await first) ?? Buffer.alloc(0));
    expect([png.width, png.height]).toEqual([1080, 1350]);
  });

  it('is shown in the HTML part by its Content-ID, said in words, and named in the text part', () => {
    const cid = release.infographic?.cid ?? '';
    expect(cid).toBe('infographic-1403-04@karnameh');
    const img = /<img src="cid:([^"]+)" width="540" alt="([^"]+)"/.exec(release.html);
    expect(img?.[1]).toBe(cid);
    expect(img?.[2]).toContain('ارزیابی روابط‌عمومی‌های استان ایلام — تیر ۱۴۰۳');
    expect(img?.[2]).toContain('۴۱٪');
    expect(release.text).toContain('اینفوگرافیک تیرماه');
  });

  it('renders whatever a sheet cell holds: control characters in a name do not stop the release', async () => {
    const hostile = structuredClone(input);
    const top = hostile.summary.groups[0]?.ranking[0];
    if (!top) throw new Error('fixture has no ranking');
    top.name = 'اداره\u0001 کل\u0007 راه\uFFFF';
    hostile.province = 'ایلام\u000B\u0002';
    const png = PNG.sync.read(
      (await createReleaseRenderer()(hostile).infographic?.png()) ?? Buffer.alloc(0),
    );
    expect([png.width, png.height]).toEqual([1080, 1350]);
  });

  it('can be left out: no picture, no mention', () => {
    const plain = createReleaseRenderer(undefined, { infographic: false })(input);
    expect(plain.infographic).toBeUndefined();
    expect(plain.html).not.toContain('<img');
    expect(plain.text).not.toContain('اینفوگرافیک');
  });
});

describe('the dry run’s preview', () => {
  it('writes site/<month>/infographic.png and .svg, and release.html shows the PNG from there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'karnameh-preview-'));
    dirs.push(dir);
    const written = await createPreviewWriter(dir).write(release);
    const site = join(dir, 'site', '1403-04');
    expect(written).toEqual(
      expect.arrayContaining([join(site, 'infographic.png'), join(site, 'infographic.svg')]),
    );
    expect((await readdir(site)).sort()).toEqual(['infographic.png', 'infographic.svg']);
    const png = PNG.sync.read(await readFile(join(site, 'infographic.png')));
    expect([png.width, png.height]).toEqual([1080, 1350]);
    const svg = await readFile(join(site, 'infographic.svg'), 'utf8');
    expect(svg).toContain(
      "@font-face{font-family:'Vazirmatn';font-weight:400;src:url(data:font/ttf;base64,",
    );
    expect(svg).toContain(release.infographic?.svg.split('\n').slice(3).join('\n'));
    const html = await readFile(join(dir, 'release.html'), 'utf8');
    const src = /<img src="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(src).toBe('site/1403-04/infographic.png');
    expect(dirname(join(dir, src))).toBe(site);
    expect(html).not.toContain('cid:');
  });
});
