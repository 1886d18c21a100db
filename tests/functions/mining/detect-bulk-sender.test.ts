// Robots, newsletters and mailing lists are not people: their traffic must not build relationships.
import { isBulkAddress } from '../../../functions/src/mining/detect-bulk-sender.ts';

describe('isBulkAddress', () => {
  it.each([
    'no-reply@cascadia.gov',
    'noreply@cascadia.gov',
    'NoReply@Cascadia.gov',
    'no_reply@cascadia.gov',
    'no.reply@cascadia.gov',
    'do-not-reply@cascadia.gov',
    'do_not_reply@cascadia.gov',
    'DoNotReply@cascadia.gov',
    'noreply+tracking123@cascadia.gov',
    'no-reply-permits@cascadia.gov',
    'mailer-daemon@cascadia.gov',
    'postmaster@cascadia.gov',
    'notifications@cascadia.gov',
    'alerts-housing@cascadia.gov',
    'newsletter@cascadia.gov',
    'news@cascadia.gov',
    'updates@cascadia.gov',
    'bounces@cascadia.gov',
    'digest@cascadia.gov',
    'info@cascadia.gov',
    'announcements@cascadia.gov',
  ])('flags the robot address %s', (address) => {
    expect(isBulkAddress(address)).toBe(true);
  });

  it.each([
    'housing-partners@lists.cascadia.gov',
    'housing-partners@cascadia.gov',
    'cascadia-housing-list@cascadia.gov',
    'staff.all@cascadia.gov',
    'planning-team-all@cascadia.gov',
    'anyone@listserv.cascadia.gov',
    'anyone@list.cascadia.gov',
    'anyone@groups.cascadia.gov',
    'anyone@mailman.cascadia.gov',
  ])('flags the mailing list %s', (address) => {
    expect(isBulkAddress(address)).toBe(true);
  });

  it.each([
    'jess.morgan@housing.cascadia.gov',
    'alice.allen@health.cascadia.gov',
    'pat.okafor@health.cascadia.gov',
    'listonosz@poczta.example.pl',
    'newsome.j@cascadia.gov',
    'hall@cascadia.gov',
    'information.officer.lee@cascadia.gov',
    'replyto.kim@cascadia.gov',
    'jess.morgan@listening-post.example.org',
  ])('does not flag the person %s', (address) => {
    expect(isBulkAddress(address)).toBe(false);
  });

  it('does not flag text without an @', () => {
    expect(isBulkAddress('noreply')).toBe(false);
    expect(isBulkAddress('')).toBe(false);
  });

  it('reads the domain after the last @', () => {
    expect(isBulkAddress('"odd@local"@lists.cascadia.gov')).toBe(true);
  });
});
