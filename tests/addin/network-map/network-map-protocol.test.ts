// What the pane and the dialog say to each other: what they send is what the other end reads,
// and anything else is ignored.
import {
  formatNetworkMapMessage,
  parseNetworkMapChildMessage,
  parseNetworkMapParentMessage,
} from '../../../addin/src/network-map/network-map-protocol.ts';
import { createDialogTokenSource } from '../../../addin/src/network-map/dialog-token-source.ts';
import { targetToQuery } from '../../../addin/src/network-map/network-map-services.ts';
import { buildRouteUrl } from '../../../addin/src/api/api-client.ts';

describe('messages', () => {
  it.each([
    { kind: 'show' as const, target: { email: 'jess.morgan@housing.cascadia.gov', label: 'Jess Morgan' }, accessToken: 'token-1', theme: 'dark' as const },
    { kind: 'show' as const, target: { groupId: 'g-1' }, accessToken: 'token-2', theme: 'light' as const },
    { kind: 'token' as const, accessToken: 'token-3' },
    { kind: 'token-failure' as const, message: 'Sign-in was cancelled.' },
  ])('the dialog reads the pane’s $kind as sent', (message) => {
    expect(parseNetworkMapParentMessage(formatNetworkMapMessage(message))).toEqual({ type: 'crosswalk-network-map', ...message });
  });

  it.each(['ready', 'token-request'] as const)('the pane reads the dialog’s %s', (kind) => {
    expect(parseNetworkMapChildMessage(formatNetworkMapMessage({ kind }))).toEqual({ type: 'crosswalk-network-map', kind });
  });

  it.each([
    ['not JSON', 'hello'],
    ['another protocol', JSON.stringify({ type: 'crosswalk-sign-in', accessToken: 'x' })],
    ['a show without a token', JSON.stringify({ type: 'crosswalk-network-map', kind: 'show', target: { groupId: 'g' } })],
    ['a show without a target', JSON.stringify({ type: 'crosswalk-network-map', kind: 'show', accessToken: 'x', target: {} })],
    ['an unknown kind', JSON.stringify({ type: 'crosswalk-network-map', kind: 'close' })],
  ])('ignores %s', (_case, text) => {
    expect(parseNetworkMapParentMessage(text)).toBeNull();
    expect(parseNetworkMapChildMessage(text)).toBeNull();
  });
});

describe('the dialog’s token', () => {
  it('asks the pane once for any number of callers, then reuses the answer until cleared', async () => {
    const requestToken = vi.fn();
    const source = createDialogTokenSource({ requestToken });
    const waiting = [source.getAccessToken(), source.getAccessToken()];
    expect(requestToken).toHaveBeenCalledTimes(1);
    source.receiveToken('fresh');
    expect(await Promise.all(waiting)).toEqual(['fresh', 'fresh']);
    expect(await source.getAccessToken()).toBe('fresh');
    source.clear();
    const again = source.getAccessToken();
    expect(requestToken).toHaveBeenCalledTimes(2);
    source.receiveFailure('Sign-in was cancelled.');
    await expect(again).rejects.toThrow('Sign-in was cancelled.');
  });
});

describe('the network request', () => {
  it.each([
    [{ email: 'jess.morgan@housing.cascadia.gov' }, '/api/network?email=jess.morgan%40housing.cascadia.gov&depth=2&limit=500'],
    [{ personId: 'abc_12-3' }, '/api/network?personId=abc_12-3&depth=2&limit=500'],
    [{ groupId: 'g 1' }, '/api/network?groupId=g+1&depth=2&limit=500'],
  ])('puts %o in the query string', (target, url) => {
    expect(buildRouteUrl({ baseUrl: '/api', path: 'network', query: { ...targetToQuery(target), depth: 2, limit: 500 } })).toBe(url);
  });
});
