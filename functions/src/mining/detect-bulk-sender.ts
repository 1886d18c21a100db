// Recognises senders and recipients that are not a person: no-reply robots, newsletters and
// mailing lists. Their traffic must not count as a person-to-person relationship.
const robotLocalParts = /^(no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|noreply|mailer[-_.]daemon|postmaster|notifications?|alerts?|news(letter)?s?|updates?|bounce[s]?|digest|info|announce(ments)?)([-_.+].*)?$/;
const listLocalParts = /(^|[-_.])(list|lists|listserv|all|announce|partners|group|team-all)$/;
const listDomains = /^(lists?|listserv|groups|mailman)\./;

export function isBulkAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at < 0) return false;
  const local = address.slice(0, at).toLowerCase();
  const domain = address.slice(at + 1).toLowerCase();
  return robotLocalParts.test(local) || listLocalParts.test(local) || listDomains.test(domain);
}
