import { defineConfig } from 'vitest/config';

export const config = defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One worker per core: vitest's default (cores - 1) is one worker on a 2-core machine,
    // while most test files here wait on child processes, SMTP and the stand-in, not the CPU.
    maxWorkers: '100%',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export { config as default };
