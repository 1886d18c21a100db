// Finding a route for a method and a path under /api, with its {param} values.
import { matchRoute } from '../../../functions/src/http/match-route.ts';
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
    ['GET', 'lookup'],
    ['DELETE', 'lookup'],
    ['POST', 'health'],
  ])('answers method-not-allowed for %s %s', (method, path) => {
    expect(matchRoute(routeTable, method, path)).toBe('method-not-allowed');
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
    expect(matchRoute(table, 'DELETE', 'groups/g-7/members')).toBe('method-not-allowed');
  });

  it('does not match an empty parameter', () => {
    expect(matchRoute(table, 'GET', 'groups//members')).toBeNull();
  });

  it('does not throw on a malformed percent-escape in a parameter', () => {
    expect(() => matchRoute(table, 'GET', 'groups/%E0%A4%A/members')).not.toThrow();
  });
});
