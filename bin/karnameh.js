#!/usr/bin/env node
// The command line. It runs the build in dist/ (`npm run build`, also run by `npm ci`) when
// that is newer than every source file, else the TypeScript sources directly (Node >= 22.18
// strips the types, which costs a few hundred ms at each start).
// An older Node than 22.18 gets one line saying so, before anything it cannot load is imported.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18) || (major === 23 && minor < 6)) {
  process.stderr.write(
    `karnameh error: this is Node.js ${process.versions.node}; karnameh needs Node.js 22.18 or newer. ` +
      'In the project folder, `npm ci` installs the Node 24 it brings and `npm run karnameh -- …` ' +
      'runs with it (README, "The command line").\n',
  );
  process.exit(3);
}
// V8's compiled code for every module karnameh loads (its own, zod, handlebars…) is kept on
// disk by Node (os.tmpdir()/node-compile-cache, keyed by the file's content and Node's
// version), so a start after the first skips compiling them: about a third of a dry run's
// CPU time. A folder that cannot be written only means no cache; NODE_DISABLE_COMPILE_CACHE=1
// turns it off. The folder is made here, one level, and only a folder that is there is
// given to Node: Node makes it with a recursive mkdir, which never returns where a folder
// cannot be made although its parent exists (TMPDIR under /proc: a start spinning forever).
if (process.env.NODE_DISABLE_COMPILE_CACHE !== '1') {
  const [{ enableCompileCache }, { mkdirSync }, { tmpdir }, { join }] = await Promise.all([
    import('node:module'),
    import('node:fs'),
    import('node:os'),
    import('node:path'),
  ]);
  const dir = process.env.NODE_COMPILE_CACHE || join(tmpdir(), 'node-compile-cache');
  let there = true;
  try {
    mkdirSync(dir);
  } catch (error) {
    there = error?.code === 'EEXIST';
  }
  if (there) enableCompileCache?.(dir);
}
// A run's garbage is short-lived strings and rows; V8 doubles its young generation each time
// much of it survives a collection, up to 16 MB a half, and keeps the pages. Held at its
// first size, a dry run of the example peaks about 14 MB lower (86 against 99 MiB) and a run
// of 2,000 agencies about 95 MiB lower (202 against 296), in the same time (A/B wall 0.96
// to 0.97; docs/development.md). KARNAMEH_V8_FLAGS='' (or other flags) replaces this.
const { setFlagsFromString } = await import('node:v8');
setFlagsFromString(process.env.KARNAMEH_V8_FLAGS ?? '--semi-space-growth-factor=1');
// `npm run karnameh -- …` runs this in the package's folder, wherever it was typed; the
// paths given (--workbook, --outbox, ./outbox) are meant from where it was typed (INIT_CWD).
const { env } = process;
if (env.npm_lifecycle_event === 'karnameh' && env.npm_package_name === 'karnameh') {
  try {
    if (env.INIT_CWD) process.chdir(env.INIT_CWD);
  } catch {
    // a folder since removed: the paths stay the package's
  }
}
const { entryModule } = await import('./entry.js');
const { main } = await import(entryModule());

// Without credentials, google-auth-library asks gcp-metadata whether it runs on Google
// Cloud, and gcp-metadata pings the metadata server; off Google Cloud an unexpected answer
// (a proxy's 403, a reset) becomes a MetadataLookupWarning on stderr. Its documented
// switch `bios-only` answers from the machine itself instead (BIOS vendor, Cloud Run's
// env), which is right on Compute Engine, Cloud Shell and Cloud Run, with no request.
process.env.METADATA_SERVER_DETECTION ??= 'bios-only';

// A reader that goes away (`karnameh … | head`, a closed terminal) must not kill a run
// mid-send: what it can no longer read is dropped, and the run finishes and records.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  signals: (onSignal) => {
    // SIGHUP: the terminal or SSH session closed under a run; it stops as for Ctrl-C.
    const names = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const name of names) process.on(name, onSignal);
    return () => {
      for (const name of names) process.off(name, onSignal);
    };
  },
});
