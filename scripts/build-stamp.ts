/**
 * `dist/build-stamp`, which tells bin/entry.js that dist/ holds a whole build of the sources
 * as they are: `begin` (first step of `npm run build`) removes it and notes the time the
 * build starts reading the sources; `end` (last step, after tsc and scripts/build-cli.ts
 * succeeded) puts it back, dated to that start. So a build that fails or is killed halfway
 * leaves no stamp (the sources run, never a half-written dist/cli), and a source saved
 * while the build ran counts as newer than the build.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

export function beginBuild(dist: string = DIST): void {
  mkdirSync(dist, { recursive: true });
  rmSync(join(dist, 'build-stamp'), { force: true });
  writeFileSync(join(dist, 'build-stamp.next'), new Date().toISOString());
}

/** The rename keeps the date `begin` gave the file. */
export function endBuild(dist: string = DIST): void {
  renameSync(join(dist, 'build-stamp.next'), join(dist, 'build-stamp'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const step = process.argv[2];
  if (step === 'begin') beginBuild();
  else if (step === 'end') endBuild();
  else throw new Error(`usage: node scripts/build-stamp.ts begin|end (got ${step})`);
}
