// The client address requests with bad tokens are limited by: the last X-Forwarded-For entry
// (the one Azure's front end appended), without its port; IPv6 per /64.
import { rateLimitKeyOf, readForwardedClientAddress } from '../../../functions/src/http/client-address.ts';

describe('readForwardedClientAddress', () => {
  it.each([
    ['203.0.113.7:49152', '203.0.113.7'],
    ['203.0.113.7', '203.0.113.7'],
    // A client's own X-Forwarded-For comes first; the front end appends the real peer.
    ['10.0.0.1, 198.51.100.4, 203.0.113.7:443', '203.0.113.7'],
    ['[2001:db8::7]:49152', '2001:db8::7'],
    ['2001:db8::7', '2001:db8::7'],
    ['', undefined],
    [null, undefined],
  ])('reads %j as %j', (header, address) => {
    expect(readForwardedClientAddress(header)).toBe(address);
  });
});

describe('rateLimitKeyOf', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2::7', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['[2001:db8:1:2::9]', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['not an address', 'unknown'],
    [undefined, 'unknown'],
  ])('keys %j as %j', (address, key) => {
    expect(rateLimitKeyOf(address)).toBe(key);
  });
});
