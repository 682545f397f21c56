/**
 * The Sheets API client (@googleapis/sheets, not the whole googleapis package), loaded on
 * first use so that commands working on an .xlsx file never pay for it.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { GoogleAuth } from 'google-auth-library';

const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

export interface SheetsClientOptions {
  /** Replaces https://sheets.googleapis.com/ (the tests' stand-in). */
  rootUrl?: string;
  /** Sent as a static bearer token instead of application default credentials. */
  accessToken?: string;
  /** Credentials already held; default: application default credentials. */
  auth?: GoogleAuth;
  /** Per-request timeout in ms. */
  timeoutMs: number;
}

export interface SheetsClient {
  api: sheets_v4.Sheets;
  /** Who Google sees, for messages: `the service account x@y` or `the account of the token`. */
  who(): Promise<string>;
  /** The service account's email when known (protected ranges name it as their editor). */
  account(): Promise<string | null>;
}

export async function createSheetsClient(options: SheetsClientOptions): Promise<SheetsClient> {
  const [{ sheets }, { GoogleAuth, OAuth2Client }] = await Promise.all([
    import('@googleapis/sheets'),
    import('google-auth-library'),
  ]);
  let auth: GoogleAuth | InstanceType<typeof OAuth2Client>;
  let googleAuth: GoogleAuth | null = null;
  if (options.auth) {
    auth = googleAuth = options.auth;
  } else if (options.accessToken) {
    const client = new OAuth2Client();
    client.setCredentials({ access_token: options.accessToken });
    auth = client;
  } else {
    auth = googleAuth = new GoogleAuth({ scopes: [SHEETS_SCOPE] });
  }
  const api = sheets({
    version: 'v4',
    auth,
    // Our own retry loop (retry.ts) decides; gaxios must not retry behind its back.
    retry: false,
    timeout: options.timeoutMs,
    ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}),
  });

  let account: Promise<string | null> | null = null;
  const lookUpAccount = (): Promise<string | null> =>
    (account ??= googleAuth
      ? googleAuth.getCredentials().then(
          (credentials) => credentials.client_email ?? null,
          () => null,
        )
      : Promise.resolve(null));

  return {
    api,
    account: lookUpAccount,
    async who() {
      if (!googleAuth) return 'the account of the token';
      const email = await lookUpAccount();
      return email ? `the service account ${email}` : 'the service account karnameh runs as';
    },
  };
}
