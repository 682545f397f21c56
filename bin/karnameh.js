#!/usr/bin/env node
// The command line. Node >= 22.18 runs the TypeScript sources directly (type stripping);
// an older Node gets one line saying so, before anything it cannot load is imported.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18) || (major === 23 && minor < 6)) {
  process.stderr.write(
    `karnameh error: this is Node.js ${process.versions.node}; karnameh needs Node.js 22.18 or newer. ` +
      'In the project folder, `npm ci` installs the Node 24 it brings and `npm run karnameh -- …` ' +
      'runs with it (README, "Command line").\n',
  );
  process.exit(3);
}
const { main } = await import('../functions/cli.ts');

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
