#!/usr/bin/env node
// The command line. It runs the build in dist/ (`npm run build`, also run by `npm ci`) when
// that is newer than every source file, else the TypeScript sources directly (Node >= 22.18
// strips the types, which costs a few hundred ms at each start).
import { entryModule } from './entry.js';

const { main } = await import(entryModule());

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
