/**
 * The site in a Cloud Storage bucket: the real `@google-cloud/storage` against the JSON
 * API stand-in, reached through the library's own STORAGE_EMULATOR_HOST; and the functions
 * publishing each month they send (or saying in the run row that they publish nothing).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBucketSite } from '../../../functions/adapters/site/bucket-site.ts';
import { monthlyRunHandler } from '../../../functions/http/monthly-run.ts';
import { publishMonth } from '../../../functions/use-cases/publish-site.ts';
import {
  post,
  serve,
  startBench,
  type Bench,
  type Served,
} from '../../support/functions-harness.ts';
import { startStorageStandIn, type StorageStandIn } from '../../support/storage-stand-in.ts';
import {
  EXAMPLE_MONTHS,
  exampleKept,
  exampleWorkbook,
  keptMonthOf,
} from '../../support/site-fixtures.ts';

let storage: StorageStandIn;
const before = process.env.STORAGE_EMULATOR_HOST;
let bucketNumber = 0;
/** A fresh bucket on the stand-in. */
function bucket(): string {
  const name = `karnameh-site-${++bucketNumber}`;
  storage.createBucket(name);
  return name;
}

beforeAll(async () => {
  storage = await startStorageStandIn();
  process.env.STORAGE_EMULATOR_HOST = storage.url;
});
afterAll(async () => {
  if (before === undefined) delete process.env.STORAGE_EMULATOR_HOST;
  else process.env.STORAGE_EMULATOR_HOST = before;
  await storage.close();
});

const text = (name: string, path: string) =>
  storage.objects(name).get(path)?.content.toString('utf8');

describe('the site in a bucket', () => {
  it('each month published keeps its figures and pages; every object replaced whole on a correction', async () => {
    const name = bucket();
    const site = createBucketSite(name);
    const kept = await exampleKept();
    for (const { month } of kept) await publishMonth(site, month);
    const objects = storage.objects(name);
    expect([...objects.keys()].sort()).toEqual(
      [
        'index.html',
        ...EXAMPLE_MONTHS.flatMap((m) => [
          `${m}/index.html`,
          `${m}/results.csv`,
          `${m}/results.json`,
        ]),
      ].sort(),
    );
    expect(objects.get('index.html')?.contentType).toBe('text/html; charset=utf-8');
    expect(objects.get('1403-04/results.csv')?.contentType).toBe('text/csv; charset=utf-8');
    expect(objects.get('1403-04/results.csv')?.content.subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
    expect(JSON.parse(text(name, '1403-02/results.json') ?? '')).toEqual(kept[1]?.month);
    expect(await site.readMonths()).toEqual(kept.map((k) => k.month));
    expect(text(name, 'index.html')).toContain('href="1403-01/index.html"');

    const march = objects.get('1403-03/index.html')?.generation;
    const raw = await exampleWorkbook();
    const corrected = keptMonthOf(raw, '1403-04', {
      correction: true,
      sentAt: new Date('2024-08-10T09:00:00Z'),
    });
    await publishMonth(createBucketSite(name), corrected.month);
    expect(text(name, '1403-04/index.html')).toContain('<strong>اصلاحیه</strong>');
    expect(text(name, 'index.html')).toContain('(اصلاحیه)');
    // Another month's page is left as it was.
    expect(objects.get('1403-03/index.html')?.generation).toBe(march);
    expect(
      storage.requests
        .filter((r) => r.startsWith('POST'))
        .every((r) => r === `POST /upload/storage/v1/b/${name}/o`),
    ).toBe(true);
  });

  it('a bucket that does not exist, or refuses the upload, is an error naming it', async () => {
    const [{ month } = { month: undefined }] = await exampleKept();
    if (!month) throw new Error('no month');
    await expect(publishMonth(createBucketSite('no-such-bucket'), month)).rejects.toThrow(
      /gs:\/\/no-such-bucket/,
    );
    const name = bucket();
    storage.failUploads(1, 403);
    await expect(publishMonth(createBucketSite(name), month)).rejects.toMatchObject({
      code: 'source.write_failed',
      message: expect.stringMatching(new RegExp(`gs://${name}/1403-01/results.json`)),
    });
    expect(storage.objects(name).size).toBe(0);
  });

  it('a kept month that does not read stops the publish, naming the object', async () => {
    const name = bucket();
    const [first, second] = await exampleKept();
    if (!first || !second) throw new Error('the example has four months');
    await publishMonth(createBucketSite(name), first.month);
    const object = storage.objects(name).get('1403-01/results.json');
    if (!object) throw new Error('not kept');
    object.content = Buffer.from('{"format":"something else"}');
    await expect(publishMonth(createBucketSite(name), second.month)).rejects.toThrow(
      new RegExp(`gs://${name}/1403-01/results.json is not a month kept by karnameh`),
    );
  });
});

describe('the functions publish the month they send', () => {
  let bench: Bench;
  let fn: Served;
  afterEach(async () => {
    await fn.close();
    await bench.close();
  });

  it('with KARNAMEH_SITE_BUCKET: the pages in the bucket, the run row says so', async () => {
    const name = bucket();
    bench = await startBench({ env: { KARNAMEH_SITE_BUCKET: `gs://${name}/` } });
    fn = await serve(monthlyRunHandler(bench.runtime));
    const sent = await post(fn.url, { month: '1403-04' });
    expect(sent.status, sent.text).toBe(200);
    expect(JSON.parse(text(name, '1403-04/results.json') ?? '{}').month).toBe('1403-04');
    expect(text(name, 'index.html')).toContain('تیر ۱۴۰۳');
    const run = bench.tab('runs').find((row) => row[3] === 'run');
    expect(String(run?.[8])).toContain('صفحه‌های عمومی منتشر شد');
    // A dry run publishes nothing.
    const objects = storage.objects(name).size;
    expect((await post(fn.url, { month: '1403-03', dryRun: true })).status).toBe(200);
    expect(storage.objects(name).size).toBe(objects);
  });

  it('without it: nothing published, and the run row says why', async () => {
    const requests = storage.requests.length;
    bench = await startBench();
    fn = await serve(monthlyRunHandler(bench.runtime));
    const sent = await post(fn.url, { month: '1403-04' });
    expect(sent.status, sent.text).toBe(200);
    const run = bench.tab('runs').find((row) => row[3] === 'run');
    expect(String(run?.[8])).toContain(
      'صفحه‌های عمومی منتشر نشد: KARNAMEH_SITE_BUCKET تعیین نشده است',
    );
    expect(storage.requests.length).toBe(requests);
  });

  it('a bucket name that is not one stops the functions at configuration', async () => {
    bench = await startBench({ env: { KARNAMEH_SITE_BUCKET: 'Not A Bucket!' } });
    fn = await serve(monthlyRunHandler(bench.runtime));
    const answer = await post(fn.url, { month: '1403-04' });
    expect(answer.status).toBe(500);
    expect(answer.text).toContain('KARNAMEH_SITE_BUCKET is not a bucket name');
    expect(bench.smtp.received).toHaveLength(0);
  });
});
