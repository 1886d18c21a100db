// The shape of a route in the API contract: defined once, used by the handlers (to validate)
// and by the add-in's client (for its types).
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDefinition<
  Body extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
> {
  /** A stable name, also the Azure Functions function name. */
  name: string;
  method: HttpMethod;
  /** Path under /api, with {param} placeholders, e.g. "groups/{id}/members". */
  path: string;
  /** Whether a bearer token is required (all routes but health). */
  authenticated: boolean;
  body: Body;
  response: Response;
  /** Query-string parameters, validated like the body (most routes take none). */
  query?: z.ZodType;
  /** The body may be absent (a webhook's validation handshake posts none). */
  bodyOptional?: boolean;
}

export function defineRoute<Body extends z.ZodType, Response extends z.ZodType>(
  route: RouteDefinition<Body, Response>,
): RouteDefinition<Body, Response> {
  return route;
}

export type RouteBody<R extends RouteDefinition> = z.input<R['body']>;
export type RouteResponse<R extends RouteDefinition> = z.output<R['response']>;
