// An address with an internationalized domain written the way the API takes it: the domain in
// punycode (orcacounty-cascadiа.gov → xn--…), the local part as it is. The browser's URL parser
// does the IDNA conversion; an address it cannot convert is returned unchanged.
export function toAsciiEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return email;
  const domain = email.slice(at + 1);
  if (/^[\x00-\x7f]*$/.test(domain)) return email;
  try {
    return `${email.slice(0, at)}@${new URL(`http://${domain}`).hostname}`;
  } catch {
    return email;
  }
}
