// Which network address a request comes from, for limiting requests that carry no valid token.
// Locally that is the socket's peer; in Azure the front end that terminates the connection
// appends the peer to X-Forwarded-For, so only the last entry is trustworthy (a client may send
// any list of its own). IPv6 clients are counted per /64, the block one subscriber usually holds,
// so cycling through addresses of one's own block gains nothing.
import { isIP } from 'node:net';

/** The address Azure's front end saw: the last X-Forwarded-For entry, without its port. */
export function readForwardedClientAddress(header: string | null | undefined): string | undefined {
  const last = header?.split(',').at(-1)?.trim();
  if (!last) return undefined;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(last);
  if (bracketed) return bracketed[1];
  // "203.0.113.7:49152": IPv4 with a port. A bare IPv6 address has more than one colon.
  const withPort = /^([^:]+):\d+$/.exec(last);
  return withPort ? withPort[1] : last;
}

/** The key a client address is limited by: IPv4 as is, IPv6 by its /64, anything else one shared key. */
export function rateLimitKeyOf(address: string | undefined): string {
  const value = address?.trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '') ?? '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) return mapped[1]!;
  const version = isIP(value);
  if (version === 4) return value;
  if (version === 6) return `${expandIpv6(value).slice(0, 4).join(':')}::/64`;
  return 'unknown';
}

/** The eight groups of an IPv6 address, "::" filled in, leading zeros dropped. */
function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::');
  const parse = (part: string) => (part ? part.split(':') : []);
  // A trailing dotted quad (::ffff:10.0.0.1 handled above; 64:ff9b::10.0.0.1 here) is two groups.
  const groups = (part: string) =>
    parse(part).flatMap((group) => {
      if (!group.includes('.')) return [group];
      const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
      return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    });
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const middle = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...middle, ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
