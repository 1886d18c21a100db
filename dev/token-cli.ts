// `npm run dev:token -- --user <address>`: mints a local access token for calling the API by
// hand (curl, REST clients). It signs with the issuer's persisted key, so it works whether or
// not the stack is running; the token is the last line of stdout so scripts can `tail -n1`.
import { parseArgs } from 'node:util';
import { DEFAULT_ISSUER_BASE_URL, DEMO_TENANT_ID, issueLocalToken } from './token-issuer.ts';

const USAGE = `usage: npm run dev:token -- --user <address> [--tenant <id>] [--audience <aud>] [--expires-in <seconds>] [--name <display name>] [--scopes <scp>]

  --user        email / UPN of the signed-in user (required)
  --tenant      tenant id (default the demo tenant ${DEMO_TENANT_ID})
  --audience    token audience (default api://localhost/crosswalk)
  --expires-in  lifetime in seconds, negative for an expired token (default 3600)
  --name        display name claim
  --scopes      space-separated delegated scopes (default access_as_user)

The issuer base URL is ${DEFAULT_ISSUER_BASE_URL} unless CROSSWALK_ISSUER_URL is set.`;

const USER_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Exits with status 2 (usage error) after saying what is wrong. */
function failUsage(message: string): never {
  console.error(`dev:token: ${message}\n\n${USAGE}`);
  process.exit(2);
}

/** parseArgs reads `--expires-in -60` as two options; rewrite it as `--expires-in=-60`. */
function joinNegativeValues(args: string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    const next = args[index + 1];
    if (arg === '--expires-in' && next !== undefined && /^-\d+$/.test(next)) {
      joined.push(`${arg}=${next}`);
      index += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

function parseCommandLine(): { user: string; tenantId?: string; audience?: string; expiresInSeconds?: number; name?: string; scopes?: string } {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        user: { type: 'string' },
        tenant: { type: 'string' },
        audience: { type: 'string' },
        'expires-in': { type: 'string' },
        name: { type: 'string' },
        scopes: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      args: joinNegativeValues(process.argv.slice(2)),
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    failUsage((error as Error).message);
  }
  if (values.help) {
    console.error(USAGE);
    process.exit(0);
  }
  const user = values.user?.trim();
  if (!user) failUsage('--user <address> is required');
  if (!USER_PATTERN.test(user)) failUsage(`--user must be an email address / UPN, got ${JSON.stringify(user)}`);
  if (values.tenant !== undefined && !GUID_PATTERN.test(values.tenant)) {
    failUsage(`--tenant must be a tenant id (GUID), got ${JSON.stringify(values.tenant)}`);
  }
  let expiresInSeconds: number | undefined;
  if (values['expires-in'] !== undefined) {
    expiresInSeconds = Number(values['expires-in']);
    if (!Number.isInteger(expiresInSeconds)) {
      failUsage(`--expires-in must be a whole number of seconds, got ${JSON.stringify(values['expires-in'])}`);
    }
  }
  if (values.audience !== undefined && values.audience.trim() === '') failUsage('--audience must not be empty');
  return { user, tenantId: values.tenant, audience: values.audience, expiresInSeconds, name: values.name, scopes: values.scopes };
}

const options = parseCommandLine();
const issuerBaseUrl = process.env.CROSSWALK_ISSUER_URL?.trim() || DEFAULT_ISSUER_BASE_URL;
const token = await issueLocalToken({ ...options, issuerBaseUrl });
const expiresAt = new Date(Date.now() + (options.expiresInSeconds ?? 3600) * 1000).toISOString();
// The hint goes to stderr so stdout carries nothing but the token.
console.error(`Local access token for ${options.user} (tenant ${options.tenantId ?? DEMO_TENANT_ID}, issuer ${issuerBaseUrl}, expires ${expiresAt}).`);
console.error('Send it as: Authorization: Bearer <token>');
console.log(token);
