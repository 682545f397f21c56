/** The zip container of an .xlsx, read and written entry by entry (untouched entries byte for byte). */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * The zip container of an .xlsx, read and written at the level of its entries so that an
 * entry karnameh does not replace is copied as the very bytes it was (local header, data,
 * data descriptor and central record alike). Compression is node:zlib's.
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** The entry's central directory record, exactly as in the file. */
  central: Buffer;
}

export interface ZipArchive {
  bytes: Buffer;
  entries: ZipEntry[];
  byName: Map<string, ZipEntry>;
}

/** Why a buffer could not be read as a zip: the caller turns it into a plain message. */
export class ZipFormatError extends Error {
  readonly reason: 'not-zip' | 'truncated' | 'damaged';
  constructor(reason: ZipFormatError['reason'], message: string) {
    super(message);
    this.reason = reason;
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function findEndRecord(bytes: Buffer): number {
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= floor; at--) {
    if (bytes.readUInt32LE(at) === EOCD && at + 22 + bytes.readUInt16LE(at + 20) <= bytes.length) {
      return at;
    }
  }
  return -1;
}

/** The zip64 extended sizes and offset of a central record, where its fields say 0xFFFFFFFF. */
function zip64Fields(central: Buffer, entry: Omit<ZipEntry, 'central' | 'name'>): void {
  const nameLength = central.readUInt16LE(28);
  const extraLength = central.readUInt16LE(30);
  let at = 46 + nameLength;
  const end = at + extraLength;
  while (at + 4 <= end) {
    const id = central.readUInt16LE(at);
    const size = central.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        const value = Number(central.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.size === MAX32) entry.size = next();
      if (entry.compressedSize === MAX32) entry.compressedSize = next();
      if (entry.localOffset === MAX32) entry.localOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/** Reads the central directory of `bytes`; a `ZipFormatError` when it is not a whole zip. */
export function readZip(bytes: Buffer): ZipArchive {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== LOCAL) {
    throw new ZipFormatError('not-zip', 'no zip signature at the start');
  }
  const end = findEndRecord(bytes);
  if (end < 0) throw new ZipFormatError('truncated', 'no end of central directory');
  let count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if (offset === MAX32 || count === 0xffff) {
    const locator = end - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== 0x07064b50) {
      throw new ZipFormatError('damaged', 'zip64 locator missing');
    }
    const record = Number(bytes.readBigUInt64LE(locator + 8));
    count = Number(bytes.readBigUInt64LE(record + 32));
    offset = Number(bytes.readBigUInt64LE(record + 48));
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) {
      throw new ZipFormatError('truncated', `central record ${i} missing`);
    }
    const length =
      46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const central = bytes.subarray(at, at + length);
    const fields = {
      method: central.readUInt16LE(10),
      flags: central.readUInt16LE(8),
      crc: central.readUInt32LE(16),
      compressedSize: central.readUInt32LE(20),
      size: central.readUInt32LE(24),
      localOffset: central.readUInt32LE(42),
    };
    zip64Fields(central, fields);
    const name = central.toString('utf8', 46, 46 + central.readUInt16LE(28));
    entries.push({ name, central, ...fields });
    at += length;
  }
  return { bytes, entries, byName: new Map(entries.map((e) => [e.name, e])) };
}

function dataStart(zip: ZipArchive, entry: ZipEntry): number {
  const at = entry.localOffset;
  if (at + 30 > zip.bytes.length || zip.bytes.readUInt32LE(at) !== LOCAL) {
    throw new ZipFormatError('truncated', `${entry.name}: local header missing`);
  }
  return at + 30 + zip.bytes.readUInt16LE(at + 26) + zip.bytes.readUInt16LE(at + 28);
}

/** The uncompressed content of one entry (stored or deflated), CRC-checked. */
export function entryData(zip: ZipArchive, entry: ZipEntry): Buffer {
  const start = dataStart(zip, entry);
  if (start + entry.compressedSize > zip.bytes.length) {
    throw new ZipFormatError('truncated', `${entry.name}: data cut short`);
  }
  const raw = zip.bytes.subarray(start, start + entry.compressedSize);
  let data: Buffer;
  try {
    if (entry.method === 0) data = raw;
    else if (entry.method === 8) data = inflateRawSync(raw);
    else throw new Error(`compression method ${entry.method}`);
  } catch (error) {
    throw new ZipFormatError('damaged', `${entry.name}: ${(error as Error).message}`);
  }
  if (crc32(data) !== entry.crc) {
    throw new ZipFormatError('damaged', `${entry.name}: checksum mismatch`);
  }
  return data;
}

/** Where the entry's local record (header, data and any data descriptor) ends. */
function recordEnd(zip: ZipArchive, entry: ZipEntry): number {
  let end = dataStart(zip, entry) + entry.compressedSize;
  if ((entry.flags & 0x08) !== 0) {
    const signed = end + 4 <= zip.bytes.length && zip.bytes.readUInt32LE(end) === 0x08074b50;
    const zip64 = entry.size >= MAX32 || entry.compressedSize >= MAX32;
    end += (signed ? 4 : 0) + (zip64 ? 20 : 12);
  }
  if (end > zip.bytes.length) throw new ZipFormatError('truncated', `${entry.name}: cut short`);
  return end;
}

/** DOS date and time of `now` (local time, as zip tools write it). */
function dosStamp(now: Date): [time: number, date: number] {
  const time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
  const date = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  return [time, date];
}

function newRecords(name: string, content: Buffer, offset: number): [Buffer, Buffer, Buffer] {
  const nameBytes = Buffer.from(name, 'utf8');
  const data = deflateRawSync(content, { level: 6 });
  const [time, date] = dosStamp(new Date());
  const local = Buffer.alloc(30);
  local.writeUInt32LE(LOCAL, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x0800, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt16LE(time, 10);
  local.writeUInt16LE(date, 12);
  local.writeUInt32LE(crc32(content), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(CENTRAL, 0);
  central.writeUInt16LE(20, 4);
  local.copy(central, 6, 4, 30);
  central.writeUInt32LE(offset, 42);
  return [Buffer.concat([local, nameBytes]), data, Buffer.concat([central, nameBytes])];
}

/**
 * A new zip: every entry of `zip` in its order, those named in `replace` with new content
 * and the others copied byte for byte, then the `add` entries at the end.
 */
export function writeZip(
  zip: ZipArchive,
  replace: ReadonlyMap<string, Buffer>,
  add: readonly [name: string, content: Buffer][],
): Buffer {
  const chunks: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const push = (chunk: Buffer): void => {
    chunks.push(chunk);
    offset += chunk.length;
  };
  const addNew = (name: string, content: Buffer): void => {
    const [local, data, central] = newRecords(name, content, offset);
    centrals.push(central);
    push(local);
    push(data);
  };
  for (const entry of zip.entries) {
    const content = replace.get(entry.name);
    if (content !== undefined) {
      addNew(entry.name, content);
      continue;
    }
    if (entry.central.readUInt32LE(42) === MAX32 || offset >= MAX32) {
      throw new ZipFormatError('damaged', 'zip64 workbooks are not rewritten');
    }
    const central = Buffer.from(entry.central);
    central.writeUInt32LE(offset, 42);
    centrals.push(central);
    push(zip.bytes.subarray(entry.localOffset, recordEnd(zip, entry)));
  }
  for (const [name, content] of add) addNew(name, content);
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(centrals.length, 8);
  end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/** A zip made only of new entries (for a workbook created from nothing). */
export function newZip(entries: readonly [name: string, content: Buffer][]): Buffer {
  return writeZip({ bytes: Buffer.alloc(0), entries: [], byName: new Map() }, new Map(), entries);
}
