// The functions app's settings, from environment variables (Azure app settings in the cloud,
// the local stack's values on a development machine).
export interface FunctionsConfig {
  cosmos: { endpoint: string; key: string; databaseId: string };
  graph: { baseUrl: string; tokenEndpoint: string; clientId: string; clientSecret: string; scope: string };
  /** The tenants whose mailboxes this deployment syncs. */
  tenantIds: string[];
  /** CROSSWALK_QUEUE_CONNECTION: the storage account of the sync queues (also the queue triggers' connection). */
  queueConnectionString: string | null;
}

function required(env: Record<string, string | undefined>, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`Setting ${name} is missing`);
  return value;
}

export function readConfig(env: Record<string, string | undefined> = process.env): FunctionsConfig {
  const graphBase = env.CROSSWALK_GRAPH_BASE_URL?.trim() || 'https://graph.microsoft.com/';
  return {
    cosmos: {
      endpoint: required(env, 'CROSSWALK_COSMOS_ENDPOINT'),
      key: required(env, 'CROSSWALK_COSMOS_KEY'),
      databaseId: env.CROSSWALK_COSMOS_DATABASE?.trim() || 'crosswalk',
    },
    graph: {
      baseUrl: graphBase,
      tokenEndpoint: required(env, 'CROSSWALK_GRAPH_TOKEN_ENDPOINT'),
      clientId: required(env, 'CROSSWALK_GRAPH_CLIENT_ID'),
      clientSecret: required(env, 'CROSSWALK_GRAPH_CLIENT_SECRET'),
      scope: `${new URL(graphBase).origin}/.default`,
    },
    tenantIds: (env.CROSSWALK_TENANT_IDS ?? '').split(',').map((t) => t.trim()).filter(Boolean),
    queueConnectionString: env.CROSSWALK_QUEUE_CONNECTION?.trim() || null,
  };
}
