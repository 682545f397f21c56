#!/usr/bin/env node
// The command line. Node >= 22.18 runs the TypeScript sources directly (type stripping).
import { main } from '../functions/cli.ts';

// Without credentials, google-auth-library asks gcp-metadata whether it runs on Google
// Cloud, and gcp-metadata pings the metadata server; off Google Cloud an unexpected answer
// (a proxy's 403, a reset) becomes a MetadataLookupWarning on stderr. Its documented
// switch `bios-only` answers from the machine itself instead (BIOS vendor, Cloud Run's
// env), which is right on Compute Engine, Cloud Shell and Cloud Run, with no request.
process.env.METADATA_SERVER_DETECTION ??= 'bios-only';

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
