// Finds the route for a method and a path under /api, with its {param} values; for a known path
// asked with another method, which methods it does take (405 with an Allow header).
import type { HttpMethod } from '../../../shared/api/define-route.ts';
import type { RouteEntry } from './route-table.ts';

export interface RouteMatch {
  entry: RouteEntry;
  params: Record<string, string>;
}

export interface MethodNotAllowed {
  kind: 'method-not-allowed';
  /** Every method some route serves at this path, in a stable order. */
  allow: HttpMethod[];
}

const METHOD_ORDER: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export function matchRoute(entries: readonly RouteEntry[], method: string, path: string): RouteMatch | MethodNotAllowed | null {
  const segments = path.replace(/^\/+|\/+$/g, '').split('/');
  const allow = new Set<HttpMethod>();
  for (const entry of entries) {
    const params = matchTemplate(entry.route.path, segments);
    if (!params) continue;
    if (entry.route.method === method.toUpperCase()) return { entry, params };
    allow.add(entry.route.method);
  }
  return allow.size > 0 ? { kind: 'method-not-allowed', allow: METHOD_ORDER.filter((m) => allow.has(m)) } : null;
}

/** The {param} values when `segments` fit `template`, else null. */
function matchTemplate(template: string, segments: readonly string[]): Record<string, string> | null {
  const parts = template.split('/');
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? '';
    if (part.startsWith('{') && part.endsWith('}')) {
      const value = decodeSegment(segment);
      if (value === null || value.length === 0) return null;
      params[part.slice(1, -1)] = value;
    } else if (part !== segment) {
      return null;
    }
  }
  return params;
}

/**
 * For the Azure Functions registrations: per path template, the methods no route serves at any
 * path it stands for, so the host hands them to a function answering 405 instead of its own
 * bare 404. A method another template serves at the same paths (`GET organizations/{id}` for
 * `organizations/split`) is left to that route, as matchRoute does locally.
 */
export function listUnservedMethods(entries: readonly RouteEntry[]): { path: string; name: string; methods: HttpMethod[]; allow: HttpMethod[] }[] {
  const byPath = new Map<string, RouteEntry[]>();
  for (const entry of entries) byPath.set(entry.route.path, [...(byPath.get(entry.route.path) ?? []), entry]);
  return [...byPath].flatMap(([path, own]) => {
    const served = new Set(entries.filter((entry) => templateCovers(entry.route.path, path)).map((entry) => entry.route.method));
    const methods = METHOD_ORDER.filter((method) => !served.has(method));
    const allow = METHOD_ORDER.filter((method) => own.some((entry) => entry.route.method === method));
    return methods.length > 0 ? [{ path, name: `${own[0]!.route.name}-method-not-allowed`, methods, allow }] : [];
  });
}

/** Does `template` match every concrete path `path` (itself a template) stands for? */
function templateCovers(template: string, path: string): boolean {
  const parts = template.split('/');
  const target = path.split('/');
  if (parts.length !== target.length) return false;
  return parts.every((part, index) => part.startsWith('{') || part === target[index]);
}

/** A malformed escape ("%E0%A4%A") is no match, not a crash. */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
