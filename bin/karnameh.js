#!/usr/bin/env node
// The command line. Node >= 22.18 runs the TypeScript sources directly (type stripping).
import { main } from '../functions/cli.ts';

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  signals: (onSignal) => {
    const names = ['SIGINT', 'SIGTERM'];
    for (const name of names) process.on(name, onSignal);
    return () => {
      for (const name of names) process.off(name, onSignal);
    };
  },
});
