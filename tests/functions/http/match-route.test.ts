// Finding a route for a method and a path under /api, with its {param} values.
import { listUnservedMethods, matchRoute } from '../../../functions/src/http/match-route.ts';
import { routeTable, type RouteEntry } from '../../../functions/src/http/route-table.ts';

const entryNamed = (name: string): RouteEntry => {
  const entry = routeTable.find((e) => e.route.name === name);
  if (!entry) throw new Error(`no route ${name} in the table`);
  return entry;
};

describe('matchRoute with the real route table', () => {
  it.each([
    ['POST', 'lookup', 'lookup'],
    ['post', 'lookup', 'lookup'],
    ['POST', '/lookup', 'lookup'],
    ['POST', 'lookup/', 'lookup'],
    ['GET', 'health', 'health'],
    ['GET', '//health//', 'health'],
  ])('matches %s %s to the %s route', (method, path, name) => {
    expect(matchRoute(routeTable, method, path)).toEqual({ entry: entryNamed(name), params: {} });
  });

  it.each([
    ['GET', 'lookup', ['POST']],
    ['DELETE', 'lookup', ['POST']],
    ['POST', 'health', ['GET']],
    ['DELETE', 'exclusions/me', ['GET', 'PUT']],
  ])('answers method-not-allowed for %s %s, allowing %j', (method, path, allow) => {
    expect(matchRoute(routeTable, method, path)).toEqual({ kind: 'method-not-allowed', allow });
  });

  it.each([
    ['POST', 'lookups'],
    ['POST', 'lookup/extra'],
    ['GET', 'api/health'],
    ['GET', ''],
    ['GET', 'Health'],
  ])('answers null for the unknown route %s %j', (method, path) => {
    expect(matchRoute(routeTable, method, path)).toBeNull();
  });
});

describe('matchRoute with path parameters', () => {
  const lookup = entryNamed('lookup');
  const members: RouteEntry = { route: { ...lookup.route, name: 'members', method: 'GET', path: 'groups/{id}/members' }, handle: lookup.handle };
  const addMember: RouteEntry = { route: { ...lookup.route, name: 'add-member', method: 'POST', path: 'groups/{id}/members' }, handle: lookup.handle };
  const group: RouteEntry = { route: { ...lookup.route, name: 'group', method: 'GET', path: 'groups/{id}' }, handle: lookup.handle };
  const table = [members, addMember, group];

  it('reads and decodes parameters', () => {
    expect(matchRoute(table, 'GET', 'groups/g%2F1%20x/members')).toEqual({ entry: members, params: { id: 'g/1 x' } });
    expect(matchRoute(table, 'GET', 'groups/g-7')).toEqual({ entry: group, params: { id: 'g-7' } });
  });

  it('picks the entry of the method among entries of one path', () => {
    expect(matchRoute(table, 'POST', 'groups/g-7/members')).toEqual({ entry: addMember, params: { id: 'g-7' } });
    expect(matchRoute(table, 'DELETE', 'groups/g-7/members')).toEqual({ kind: 'method-not-allowed', allow: ['GET', 'POST'] });
  });

  it('does not match an empty parameter', () => {
    expect(matchRoute(table, 'GET', 'groups//members')).toBeNull();
  });

  it('does not throw on a malformed percent-escape in a parameter', () => {
    expect(() => matchRoute(table, 'GET', 'groups/%E0%A4%A/members')).not.toThrow();
  });
});

describe('listUnservedMethods (the Azure registrations answering 405)', () => {
  const lookup = entryNamed('lookup');
  const make = (name: string, method: 'GET' | 'POST' | 'PATCH', path: string): RouteEntry => ({ route: { ...lookup.route, name, method, path }, handle: lookup.handle });
  const table = [make('read-org', 'GET', 'organizations/{id}'), make('edit-org', 'PATCH', 'organizations/{id}'), make('split-org', 'POST', 'organizations/split')];

  it('takes, per path, the methods no route serves there, and names the ones it does in Allow', () => {
    expect(listUnservedMethods(table)).toEqual([
      { path: 'organizations/{id}', name: 'read-org-method-not-allowed', methods: ['POST', 'PUT', 'DELETE'], allow: ['GET', 'PATCH'] },
      // GET and PATCH of organizations/split belong to organizations/{id}, as matchRoute decides locally.
      { path: 'organizations/split', name: 'split-org-method-not-allowed', methods: ['PUT', 'DELETE'], allow: ['POST'] },
    ]);
  });

  it('agrees with matchRoute on every path of the real table: a method it takes is one no route serves', () => {
    for (const unserved of listUnservedMethods(routeTable)) {
      const path = unserved.path.replace(/\{[^}]+\}/g, 'x1');
      for (const method of unserved.methods) expect(matchRoute(routeTable, method, path)).toMatchObject({ kind: 'method-not-allowed' });
    }
  });
});
