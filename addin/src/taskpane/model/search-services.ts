// What the pane's search needs from the API: the type-ahead route and an organization's page.
// main.tsx wires the API client; tests pass fakes.
import { readOrganizationRoute, type Organization } from '../../../../shared/api/organization-routes.ts';
import { searchRoute, type SearchResults } from '../../../../shared/api/search-routes.ts';
import type { ApiClient } from '../../api/api-client.ts';

export interface SearchServices {
  search(text: string, signal: AbortSignal): Promise<SearchResults>;
  readOrganization(id: string, signal?: AbortSignal): Promise<Organization>;
}

export function createSearchServices(options: { client: ApiClient }): SearchServices {
  const { client } = options;
  return {
    search: (text, signal) => client.callRoute(searchRoute, undefined, { query: { q: text }, signal }),
    readOrganization: (id, signal) => client.callRoute(readOrganizationRoute, undefined, { params: { id }, signal }),
  };
}
