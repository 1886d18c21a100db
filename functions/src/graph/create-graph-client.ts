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
  // The SDK's default chain without its RetryHandler: retries live in one place,
  // read-graph-page.ts, where every failure is classified and Retry-After honoured.
  const middleware = [
    new graphSdk.AuthenticationHandler({ getAccessToken: options.getAccessToken }),
    new graphSdk.RedirectHandler(new graphSdk.RedirectHandlerOptions()),
    new graphSdk.TelemetryHandler(),
    new graphSdk.HTTPMessageHandler(),
  ];
  return graphSdk.Client.initWithMiddleware({
    baseUrl: `${base.origin}/`,
    defaultVersion: 'v1.0',
    // The SDK only attaches tokens to Graph's own hosts unless told about others.
    customHosts: new Set([base.hostname]),
    middleware,
  });
}
