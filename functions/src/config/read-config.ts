// The functions app's settings, from environment variables (Azure app settings in the cloud,
// the local stack's values on a development machine). CROSSWALK_CLOUD picks the national
// cloud, and with it the Graph endpoint and scope; explicit URLs still win (the local stack
// points them at its stand-ins) but may not point into a different cloud.
import { assertUrlInCloud, getNationalCloud, parseCloudId } from '../../../shared/cloud/national-clouds.ts';
import type { CloudId } from '../../../shared/cloud/national-clouds.ts';

export interface FunctionsConfig {
  /** CROSSWALK_CLOUD: worldwide (default, also GCC), gcc-high or dod. */
  cloud: CloudId;
  cosmos: { endpoint: string; key: string; databaseId: string };
  graph: { baseUrl: string; tokenEndpoint: string; clientId: string; clientSecret: string; scope: string };
  /** The tenants whose mailboxes this deployment syncs. */
  tenantIds: string[];
  /** CROSSWALK_QUEUE_CONNECTION: the storage account of the sync queues (also the queue triggers' connection). */
  queueConnectionString: string | null;
  /** CROSSWALK_SHARED_MAILBOXES: comma-separated addresses of shared mailboxes whose sign-in is not blocked. */
  sharedMailboxes: string[];
}

function required(env: Record<string, string | undefined>, name: string): string {
  const value = optional(env, name);
  if (!value) throw new Error(`Setting ${name} is missing`);
  return value;
}

/**
 * A setting's value, or null. Key Vault references (`@Microsoft.KeyVault(...)`) arrive resolved,
 * as the secret itself; when the platform cannot resolve one it passes the reference text on,
 * which would otherwise be sent to Entra ID or Cosmos DB as if it were the secret.
 */
function optional(env: Record<string, string | undefined>, name: string): string | null {
  const value = env[name]?.trim();
  if (value && /^@Microsoft\.KeyVault\(/i.test(value)) {
    throw new Error(`Setting ${name} is a Key Vault reference the platform did not resolve: give the app's managed identity "Key Vault Secrets User" on the vault and check the secret's URI`);
  }
  return value || null;
}

export function readConfig(env: Record<string, string | undefined> = process.env): FunctionsConfig {
  const cloud = getNationalCloud(parseCloudId(env.CROSSWALK_CLOUD));
  const configuredGraphBase = env.CROSSWALK_GRAPH_BASE_URL?.trim();
  const graphBase = configuredGraphBase || cloud.graphBaseUrl;
  const tokenEndpoint = required(env, 'CROSSWALK_GRAPH_TOKEN_ENDPOINT');
  // An app token is only good for the resource it names: a Graph stand-in or proxy at another
  // address still expects the scope of the host it answers for, so an override derives it.
  const scope = configuredGraphBase ? `${new URL(graphBase).origin}/.default` : cloud.graphDefaultScope;
  assertUrlInCloud({ cloud, url: graphBase, settingName: 'CROSSWALK_GRAPH_BASE_URL' });
  assertUrlInCloud({ cloud, url: tokenEndpoint, settingName: 'CROSSWALK_GRAPH_TOKEN_ENDPOINT' });
  return {
    cloud: cloud.id,
    cosmos: {
      endpoint: required(env, 'CROSSWALK_COSMOS_ENDPOINT'),
      key: required(env, 'CROSSWALK_COSMOS_KEY'),
      databaseId: env.CROSSWALK_COSMOS_DATABASE?.trim() || 'crosswalk',
    },
    graph: {
      baseUrl: graphBase,
      tokenEndpoint,
      clientId: required(env, 'CROSSWALK_GRAPH_CLIENT_ID'),
      clientSecret: required(env, 'CROSSWALK_GRAPH_CLIENT_SECRET'),
      scope,
    },
    tenantIds: (env.CROSSWALK_TENANT_IDS ?? '').split(',').map((t) => t.trim()).filter(Boolean),
    queueConnectionString: optional(env, 'CROSSWALK_QUEUE_CONNECTION'),
    sharedMailboxes: (env.CROSSWALK_SHARED_MAILBOXES ?? '').split(',').map((a) => a.trim().toLowerCase()).filter(Boolean),
  };
}
