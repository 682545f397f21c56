/**
 * The public site in a Cloud Storage bucket (`KARNAMEH_SITE_BUCKET`), through
 * `@google-cloud/storage` (its own `STORAGE_EMULATOR_HOST` points it at a stand-in). Each
 * object is uploaded in one request, so it is replaced whole.
 */
import type { Bucket } from '@google-cloud/storage';
import { KarnamehError } from '../../core/contract/errors.ts';
import type { SiteStore } from '../../ports.ts';
import { infographicMonthOf, keptMonthOf, parseKeptMonth } from './site-months.ts';

/** Pages change when a month is corrected: caches ask again after five minutes. */
const CACHE_CONTROL = 'public, max-age=300';

function failure(what: string, error: unknown): KarnamehError {
  const message = error instanceof Error ? error.message : String(error);
  return new KarnamehError('source.write_failed', `${what}: ${message}`, { cause: error });
}

export function createBucketSite(bucketName: string): SiteStore {
  // Loaded on first use: a call that publishes nothing never loads the library.
  let opened: Promise<Bucket> | undefined;
  const open = () =>
    (opened ??= import('@google-cloud/storage').then(({ Storage }) =>
      new Storage().bucket(bucketName),
    ));
  const description = `bucket gs://${bucketName}`;
  let names: Promise<string[]> | undefined;
  const list = () =>
    (names ??= open()
      .then((bucket) => bucket.getFiles({ autoPaginate: true }))
      .then(([files]) => files.map((file) => file.name))
      .catch((error: unknown) => {
        names = undefined;
        throw failure(`cannot list ${description}`, error);
      }));
  return {
    description,
    location: `gs://${bucketName}`,
    async readMonths() {
      const months = [];
      for (const name of await list()) {
        const month = keptMonthOf(name);
        if (!month) continue;
        const [content] = await (
          await open()
        )
          .file(name)
          .download()
          .catch((error: unknown) => {
            throw failure(`cannot read gs://${bucketName}/${name}`, error);
          });
        months.push(parseKeptMonth(content.toString('utf8'), `gs://${bucketName}/${name}`, month));
      }
      return months;
    },
    async infographics() {
      const found = new Set<string>();
      for (const name of await list()) {
        const month = infographicMonthOf(name);
        if (month) found.add(month);
      }
      return found;
    },
    async readFile(path) {
      const [content] = await (
        await open()
      )
        .file(path)
        .download()
        .catch((error: unknown) => {
          throw failure(`cannot read gs://${bucketName}/${path}`, error);
        });
      return content;
    },
    async write(files) {
      names = undefined;
      const bucket = await open();
      for (const file of files) {
        await bucket
          .file(file.path)
          .save(file.content, {
            resumable: false,
            contentType: file.contentType,
            metadata: { cacheControl: CACHE_CONTROL },
          })
          .catch((error: unknown) => {
            throw failure(`cannot write gs://${bucketName}/${file.path}`, error);
          });
      }
    },
  };
}
