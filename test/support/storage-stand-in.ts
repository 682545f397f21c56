/**
 * A stand-in of the Cloud Storage JSON API for tests: an HTTP server on 127.0.0.1 that the
 * real `@google-cloud/storage` talks to through its own `STORAGE_EMULATOR_HOST`. It keeps
 * buckets in memory and serves what the site's adapter uses: objects.list (paged),
 * objects.get (metadata, or `alt=media`), objects.delete and the multipart upload
 * (`uploadType=multipart`, the one-request upload that replaces an object whole).
 *
 * Strict as Google: an unknown path, method, query parameter or upload type is refused;
 * a multipart body must be exactly a JSON metadata part and a media part, the name given
 * once and valid (1–1024 bytes of UTF-8, no CR/LF); a missing bucket or object is 404 in
 * Google's error shape; an upload lands whole only when its whole body arrived. Answers
 * carry `md5Hash` and `crc32c`, which the client checks. `failUploads` injects refusals.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CRC32C } from '@google-cloud/storage';

interface StoredObject {
  name: string;
  contentType: string;
  cacheControl: string | undefined;
  content: Buffer;
  generation: number;
}

export interface StorageStandIn {
  /** For `STORAGE_EMULATOR_HOST`: `http://127.0.0.1:PORT`. */
  url: string;
  createBucket(name: string): void;
  objects(bucket: string): Map<string, StoredObject>;
  /** Every request as `METHOD path` (query left out). */
  requests: string[];
  /** The next `count` uploads answer `status` (Google's error shape) and store nothing. */
  failUploads(count: number, status?: number): void;
  close(): Promise<void>;
}

class Refusal extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const LIST_PARAMS = new Set(['pageToken', 'maxResults', 'prefix', 'delimiter', 'projection']);
const GET_PARAMS = new Set(['alt', 'generation', 'projection']);
const UPLOAD_PARAMS = new Set(['uploadType', 'name', 'ifGenerationMatch']);

function checkParams(query: URLSearchParams, allowed: Set<string>): void {
  for (const key of query.keys()) {
    if (!allowed.has(key)) throw new Refusal(400, `Invalid argument: unknown parameter ${key}`);
  }
}

function checkName(name: string | null | undefined): string {
  if (!name) throw new Refusal(400, 'Required: object name');
  if (Buffer.byteLength(name) > 1024 || /[\r\n]/.test(name)) {
    throw new Refusal(400, `Invalid object name: ${JSON.stringify(name)}`);
  }
  return name;
}

/** The object's CRC32C as Google gives it (base64 of the big-endian value). */
function crc32c(content: Buffer): string {
  const sum = new CRC32C();
  sum.update(content);
  return sum.toString();
}

function resource(bucket: string, object: StoredObject) {
  return {
    kind: 'storage#object',
    id: `${bucket}/${object.name}/${object.generation}`,
    name: object.name,
    bucket,
    generation: String(object.generation),
    contentType: object.contentType,
    ...(object.cacheControl ? { cacheControl: object.cacheControl } : {}),
    size: String(object.content.length),
    md5Hash: createHash('md5').update(object.content).digest('base64'),
    crc32c: crc32c(object.content),
  };
}

/** The two parts of a `multipart/related` body: the JSON metadata and the media. */
function multipart(body: Buffer, contentType: string | undefined) {
  const boundary = /^multipart\/related;\s*boundary=("?)([^";]+)\1\s*$/i.exec(
    contentType ?? '',
  )?.[2];
  if (!boundary) throw new Refusal(400, 'Content-Type must be multipart/related with a boundary');
  const text = body.toString('latin1');
  const parts = text.split(`--${boundary}`);
  if (parts.length !== 4 || !/^--\r?\n?$/.test(parts[3] ?? '') || parts[0] !== '') {
    throw new Refusal(400, 'Multipart body must hold exactly a metadata part and a media part');
  }
  const part = (raw: string) => {
    const split = raw.indexOf('\r\n\r\n');
    if (!raw.startsWith('\r\n') || split < 0 || !raw.endsWith('\r\n')) {
      throw new Refusal(400, 'Malformed multipart part');
    }
    const type = /^content-type:\s*(.+)$/im.exec(raw.slice(0, split))?.[1]?.trim();
    return { type, body: Buffer.from(raw.slice(split + 4, -2), 'latin1') };
  };
  const meta = part(parts[1] ?? '');
  const media = part(parts[2] ?? '');
  if (!meta.type?.startsWith('application/json')) {
    throw new Refusal(400, 'The first part must be the JSON metadata');
  }
  let metadata: Record<string, unknown>;
  try {
    metadata = JSON.parse(meta.body.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new Refusal(400, 'Metadata part is not JSON');
  }
  return { metadata, media };
}

export async function startStorageStandIn(): Promise<StorageStandIn> {
  const buckets = new Map<string, Map<string, StoredObject>>();
  const requests: string[] = [];
  let failing = { count: 0, status: 503 };
  let generation = 1;

  const bucketOf = (name: string) => {
    const found = buckets.get(name);
    if (!found) throw new Refusal(404, 'The specified bucket does not exist.');
    return found;
  };

  function handle(req: IncomingMessage, body: Buffer, url: URL) {
    // The library reaches the JSON API at the emulator's root (`/b/…`); Google at `/storage/v1/b/…`.
    const path = url.pathname.replace(/^\/storage\/v1(?=\/b\/)/, '');
    const upload = /^\/upload\/storage\/v1\/b\/([^/]+)\/o$/.exec(path);
    if (upload && req.method === 'POST') {
      checkParams(url.searchParams, UPLOAD_PARAMS);
      if (url.searchParams.get('uploadType') !== 'multipart') {
        throw new Refusal(400, 'Only uploadType=multipart is served by this stand-in');
      }
      const objects = bucketOf(decodeURIComponent(upload[1] ?? ''));
      const { metadata, media } = multipart(body, req.headers['content-type']);
      const named = url.searchParams.get('name');
      if (named && metadata.name && metadata.name !== named) {
        throw new Refusal(400, 'The object name in the query and in the metadata differ');
      }
      const name = checkName(named ?? (metadata.name as string | undefined));
      if (failing.count > 0) {
        failing.count--;
        throw new Refusal(failing.status, 'Injected failure: nothing stored');
      }
      const object: StoredObject = {
        name,
        contentType:
          (metadata.contentType as string | undefined) ?? media.type ?? 'application/octet-stream',
        cacheControl: metadata.cacheControl as string | undefined,
        content: media.body,
        generation: generation++,
      };
      objects.set(name, object);
      return { status: 200, json: resource(decodeURIComponent(upload[1] ?? ''), object) };
    }
    const list = /^\/b\/([^/]+)\/o$/.exec(path);
    if (list && req.method === 'GET') {
      checkParams(url.searchParams, LIST_PARAMS);
      const bucket = decodeURIComponent(list[1] ?? '');
      const prefix = url.searchParams.get('prefix') ?? '';
      const max = Math.min(Number(url.searchParams.get('maxResults') ?? 1000), 1000);
      if (!Number.isInteger(max) || max < 1) throw new Refusal(400, 'Invalid maxResults');
      const all = [...bucketOf(bucket).values()]
        .filter((o) => o.name.startsWith(prefix))
        .sort((a, b) => (a.name < b.name ? -1 : 1));
      const start = Number(url.searchParams.get('pageToken') ?? 0);
      const page = all.slice(start, start + max);
      const next = start + max < all.length ? { nextPageToken: String(start + max) } : {};
      return {
        status: 200,
        json: { kind: 'storage#objects', items: page.map((o) => resource(bucket, o)), ...next },
      };
    }
    const one = /^\/b\/([^/]+)\/o\/(.+)$/.exec(path);
    if (one && (req.method === 'GET' || req.method === 'DELETE')) {
      checkParams(url.searchParams, GET_PARAMS);
      const bucket = decodeURIComponent(one[1] ?? '');
      const objects = bucketOf(bucket);
      const name = decodeURIComponent(one[2] ?? '');
      const object = objects.get(name);
      if (!object) throw new Refusal(404, `No such object: ${bucket}/${name}`);
      if (req.method === 'DELETE') {
        objects.delete(name);
        return { status: 204 };
      }
      if (url.searchParams.get('alt') === 'media') return { status: 200, media: object };
      return { status: 200, json: resource(bucket, object) };
    }
    throw new Refusal(404, `Not Found: ${req.method} ${url.pathname}`);
  }

  function answer(res: ServerResponse, req: IncomingMessage, body: Buffer) {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    requests.push(`${req.method} ${url.pathname}`);
    try {
      const result = handle(req, body, url);
      if (result.media) {
        const r = resource('', result.media);
        res.writeHead(200, {
          'content-type': result.media.contentType,
          'x-goog-hash': `crc32c=${r.crc32c},md5=${r.md5Hash}`,
        });
        res.end(result.media.content);
        return;
      }
      res.writeHead(result.status, result.json ? { 'content-type': 'application/json' } : {});
      res.end(result.json ? JSON.stringify(result.json) : undefined);
    } catch (error) {
      const status = error instanceof Refusal ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { code: status, message, errors: [{ message, reason: 'invalid' }] },
        }),
      );
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A body cut short never lands: only a whole request is handled.
    req.on('end', () => answer(res, req, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    createBucket: (name) => void buckets.set(name, buckets.get(name) ?? new Map()),
    objects: (name) => bucketOf(name),
    requests,
    failUploads(count, status = 503) {
      failing = { count, status };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
