// The Microsoft Graph client the functions use: the real SDK, pointed at Microsoft Graph in
// the cloud or at the local Graph stand-in, with an app token from a token provider.
import graphSdk from '@microsoft/microsoft-graph-client';
import type { Client } from '@microsoft/microsoft-graph-client';

export interface GraphClientOptions {
  /** e.g. https://graph.microsoft.com/ or https://127.0.0.1:7443/ */
  baseUrl: string;
  getAccessToken: () => Promise<string>;
}

export function createGraphClient(options: GraphClientOptions): Client {
  const base = new URL(options.baseUrl);
  return graphSdk.Client.init({
    baseUrl: `${base.origin}/`,
    defaultVersion: 'v1.0',
    // The SDK only attaches tokens to Graph's own hosts unless told about others.
    customHosts: new Set([base.hostname]),
    authProvider: (done) => {
      options.getAccessToken().then(
        (token) => done(null, token),
        (error: unknown) => done(error as Error, null),
      );
    },
  });
}
