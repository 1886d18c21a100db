// Calls Crosswalk API routes, typed by the shared contract: the request body and the parsed
// response come from the same route definition the handlers validate with.
import type { RouteBody, RouteDefinition, RouteResponse } from '../../../shared/api/define-route.ts';
import { errorBodySchema } from '../../../shared/api/error-body.ts';
import type { ErrorCode } from '../../../shared/api/error-body.ts';
import { clearAccessToken, getAccessToken } from '../auth/get-access-token.ts';
import { ApiError } from './api-error.ts';

export interface ApiClientOptions {
  /** e.g. "/api" (same origin) or "https://crosswalk.example/api". */
  baseUrl: string;
  getAccessToken: () => Promise<string>;
  /** Called after a 401 so the next call fetches a fresh token. */
  onUnauthenticated?: () => void;
  fetch?: typeof fetch;
}

export interface CallOptions {
  /** Values for {placeholders} in the route's path. */
  params?: Record<string, string>;
  /** Query-string parameters, for routes that declare them. */
  query?: Record<string, string | number>;
  signal?: AbortSignal;
}

export interface ApiClient {
  callRoute<R extends RouteDefinition>(route: R, body: RouteBody<R>, options?: CallOptions): Promise<RouteResponse<R>>;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  return {
    async callRoute(route, body, callOptions = {}) {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (route.authenticated) headers.authorization = `Bearer ${await options.getAccessToken()}`;
      const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
      if (hasBody) headers['content-type'] = 'application/json';

      let response: Response;
      try {
        response = await doFetch(buildRouteUrl({ baseUrl: options.baseUrl, path: route.path, params: callOptions.params, query: callOptions.query }), {
          method: route.method,
          headers,
          body: hasBody ? JSON.stringify(body) : undefined,
          signal: callOptions.signal,
        });
      } catch (cause) {
        if (callOptions.signal?.aborted) throw cause;
        throw new ApiError({ status: 0, code: 'unavailable', message: 'Crosswalk is not reachable right now. Check your connection and try again.', cause });
      }

      const json: unknown = await response.json().catch(() => undefined);
      if (!response.ok) {
        if (response.status === 401) options.onUnauthenticated?.();
        throw toApiError(response.status, json);
      }
      const parsed = route.response.safeParse(json);
      if (!parsed.success) {
        throw new ApiError({ status: response.status, code: 'internal', message: 'Crosswalk answered in an unexpected format.', cause: parsed.error });
      }
      return parsed.data as RouteResponse<typeof route>;
    },
  };
}

/** Joins the base URL and the route path, filling {placeholders} with URL-encoded values. */
export function buildRouteUrl(options: { baseUrl: string; path: string; params?: Record<string, string>; query?: Record<string, string | number> }): string {
  const path = options.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = options.params?.[name];
    if (value === undefined) throw new Error(`Missing route parameter "${name}".`);
    return encodeURIComponent(value);
  });
  const search = options.query ? new URLSearchParams(Object.entries(options.query).map(([name, value]) => [name, String(value)])).toString() : '';
  return `${options.baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}${search ? `?${search}` : ''}`;
}

const fallbackCodeByStatus: Record<number, ErrorCode> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  429: 'rate-limited',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

/** Uses the contract's error body when there is one; otherwise derives the code from the status. */
function toApiError(status: number, json: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(json);
  if (parsed.success) return new ApiError({ status, code: parsed.data.error.code, message: parsed.data.error.message });
  return new ApiError({ status, code: fallbackCodeByStatus[status] ?? 'internal', message: `Crosswalk answered with HTTP ${status}.` });
}

/** Where the add-in finds the API: the build's VITE_CROSSWALK_API_BASE, or /api on its own origin. */
export const apiBaseUrl: string = import.meta.env.VITE_CROSSWALK_API_BASE ?? '/api';

/** The add-in's client, wired to the base URL and the token module. */
export const apiClient: ApiClient = createApiClient({
  baseUrl: apiBaseUrl,
  getAccessToken,
  onUnauthenticated: clearAccessToken,
});

/** Calls one route of the contract with the add-in's client. */
export function callRoute<R extends RouteDefinition>(route: R, body: RouteBody<R>, options?: CallOptions): Promise<RouteResponse<R>> {
  return apiClient.callRoute(route, body, options);
}
