// The suggestions view's services over the typed API client: each answer goes to its route, with
// the body the contract expects (a renamed group carries its name, an unrenamed one none).
import { createApiClient } from '../../addin/src/api/api-client.ts';
import { createSuggestionServices } from '../../addin/src/taskpane/model/suggestion-services.ts';

const suggestion = {
  id: 'wg 1', kind: 'working-group', name: 'WG', status: 'accepted', people: 3, organizations: 2, meetings: 5, threads: 0, emails: 0,
  since: null, members: [], evidence: 'Looks like a working group', groupId: 'g1', decidedBy: 'dana.reyes@housing.cascadia.gov', decidedAt: '2026-11-20T17:00:00Z', etag: '"2"',
};

function makeServices() {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const client = createApiClient({
    baseUrl: '/api',
    getAccessToken: async () => 'token',
    fetch: async (input, init) => {
      const url = String(input);
      calls.push({ method: init?.method ?? 'GET', url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      const body = url.endsWith('/people/merge') ? { primary: 'a@x.org', aliases: ['b@y.org'] }
        : url.includes('/people/merge-suggestions/') ? { dismissed: 'm1' }
        : url.endsWith('/people/merge-suggestions') ? { suggestions: [] }
        : url.endsWith('/suggestions') ? { suggestions: [] }
        : url.endsWith('/accept') ? { suggestion, group: { id: 'g1', name: 'WG', kind: 'working-group', source: 'accepted-suggestion' } }
        : { suggestion: { ...suggestion, status: 'dismissed' } };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
  return { services: createSuggestionServices(client), calls };
}

it('sends each answer to its route', async () => {
  const { services, calls } = makeServices();
  await services.listMergeSuggestions();
  await services.listGroupSuggestions();
  await services.mergePeople('a@x.org', 'b@y.org');
  await services.dismissMergeSuggestion('m1');
  await services.acceptGroupSuggestion('wg 1');
  await services.acceptGroupSuggestion('wg 1', 'Tri-level WG');
  await services.dismissGroupSuggestion('wg 1');
  expect(calls).toEqual([
    { method: 'GET', url: '/api/people/merge-suggestions', body: undefined },
    { method: 'GET', url: '/api/suggestions', body: undefined },
    { method: 'POST', url: '/api/people/merge', body: { primary: 'a@x.org', secondary: 'b@y.org' } },
    { method: 'POST', url: '/api/people/merge-suggestions/m1/dismiss', body: undefined },
    { method: 'POST', url: '/api/suggestions/wg%201/accept', body: {} },
    { method: 'POST', url: '/api/suggestions/wg%201/accept', body: { name: 'Tri-level WG' } },
    { method: 'POST', url: '/api/suggestions/wg%201/dismiss', body: undefined },
  ]);
});
