/** nodemailer loaded as CommonJS, so a run that sends does not load Node's fetch with it. */
import { createRequire } from 'node:module';

/**
 * nodemailer, loaded as CommonJS. Its ES module build imports node:http, and an ES import of
 * a built-in module reads every export of it, so Node loads its whole fetch implementation
 * (undici) with it: 40–60 ms more at each run that sends (bench "CLI run").
 */
export const nodemailer = createRequire(import.meta.url)(
  'nodemailer',
) as typeof import('nodemailer');
