// Finds the route for a method and a path under /api, with its {param} values.
import type { RouteEntry } from './route-table.ts';

export interface RouteMatch {
  entry: RouteEntry;
  params: Record<string, string>;
}

export function matchRoute(entries: readonly RouteEntry[], method: string, path: string): RouteMatch | 'method-not-allowed' | null {
  const segments = path.replace(/^\/+|\/+$/g, '').split('/');
  let pathMatched = false;
  for (const entry of entries) {
    const template = entry.route.path.split('/');
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = template.every((part, index) => {
      const segment = segments[index] ?? '';
      if (part.startsWith('{') && part.endsWith('}')) {
        const value = decodeSegment(segment);
        if (value === null || value.length === 0) return false;
        params[part.slice(1, -1)] = value;
        return true;
      }
      return part === segment;
    });
    if (!matches) continue;
    pathMatched = true;
    if (entry.route.method === method.toUpperCase()) return { entry, params };
  }
  return pathMatched ? 'method-not-allowed' : null;
}

/** A malformed escape ("%E0%A4%A") is no match, not a crash. */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
