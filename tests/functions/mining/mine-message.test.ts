// One Graph message, metadata only, becomes one Interaction of the mailbox owner.
import type { GraphAddress, GraphMessageMetadata } from '../../../functions/src/mining/graph-shapes.ts';
import { makeOwnerKey, mineMessage, type MailboxContext } from '../../../functions/src/mining/mine-message.ts';

const TENANT = 'tenant-cascadia';
const OWNER = 'jess.morgan@housing.cascadia.gov';
const inbox: MailboxContext = { tenantId: TENANT, ownerEmail: OWNER, folder: 'inbox' };
const sentItems: MailboxContext = { ...inbox, folder: 'sentitems' };

const address = (email: string, name = ''): GraphAddress => ({ emailAddress: { address: email, name } });

function message(overrides: Partial<GraphMessageMetadata> = {}): GraphMessageMetadata {
  return {
    id: 'graph-id-1',
    internetMessageId: '<abc123@housing.cascadia.gov>',
    conversationId: 'conv-1',
    subject: 'Shelter capacity',
    from: address('pat.okafor@health.cascadia.gov', 'Okafor, Pat (HEALTH)'),
    toRecipients: [address(OWNER, 'Morgan, Jess (HOUSING)')],
    ccRecipients: [address('alice.allen@health.cascadia.gov', 'Alice Allen')],
    bccRecipients: [],
    sentDateTime: '2024-03-04T15:00:00Z',
    receivedDateTime: '2024-03-04T15:00:07Z',
    isDraft: false,
    ...overrides,
  };
}

describe('mineMessage', () => {
  it('turns a received message into a received interaction at its send time', () => {
    expect(mineMessage(message(), inbox)).toEqual({
      id: expect.any(String),
      tenantId: TENANT,
      ownerKey: `${TENANT}|${OWNER}`,
      ownerEmail: OWNER,
      kind: 'email',
      at: '2024-03-04T15:00:00.000Z',
      direction: 'received',
      subject: 'Shelter capacity',
      threadId: 'conv-1',
      seriesKey: null,
      meetingKey: null,
      participants: [
        { email: 'pat.okafor@health.cascadia.gov', displayName: 'Okafor, Pat (HEALTH)', role: 'from' },
        { email: OWNER, displayName: 'Morgan, Jess (HOUSING)', role: 'to' },
        { email: 'alice.allen@health.cascadia.gov', displayName: 'Alice Allen', role: 'cc' },
      ],
      bulk: false,
      cancelled: false,
      source: { folder: 'inbox', graphId: 'graph-id-1' },
    });
  });

  it('turns a message from the owner into a sent interaction at its sent time', () => {
    const mined = mineMessage(
      message({
        from: address('Jess.Morgan@Housing.Cascadia.gov', 'Jess Morgan'),
        toRecipients: [address('pat.okafor@health.cascadia.gov')],
        ccRecipients: [],
        bccRecipients: [address('alice.allen@health.cascadia.gov')],
      }),
      sentItems,
    );
    expect(mined?.direction).toBe('sent');
    expect(mined?.at).toBe('2024-03-04T15:00:00.000Z');
    expect(mined?.participants.map((p) => [p.email, p.role])).toEqual([
      [OWNER, 'from'],
      ['pat.okafor@health.cascadia.gov', 'to'],
      ['alice.allen@health.cascadia.gov', 'bcc'],
    ]);
  });

  it('normalizes the owner address from the mailbox context', () => {
    const mined = mineMessage(message(), { ...inbox, ownerEmail: '  JESS.MORGAN@housing.cascadia.gov ' });
    expect(mined?.ownerEmail).toBe(OWNER);
    expect(mined?.ownerKey).toBe(makeOwnerKey(TENANT, OWNER));
  });

  it.each<[string, Partial<GraphMessageMetadata>, string]>([
    ['only a sent time', { receivedDateTime: null }, '2024-03-04T15:00:00.000Z'],
    ['only a received time', { sentDateTime: null }, '2024-03-04T15:00:07.000Z'],
  ])('uses the send time, or the receive time when a received message has %s', (_case, overrides, at) => {
    expect(mineMessage(message(overrides), inbox)?.at).toBe(at);
  });

  it.each<[string, Partial<GraphMessageMetadata>]>([
    ['a draft', { isDraft: true }],
    ['no from and no sender', { from: null, sender: null }],
    ['a from without an address', { from: { emailAddress: { name: 'Someone' } }, sender: undefined }],
    ['a from address without an @', { from: address('Pat Okafor'), sender: undefined }],
    ['neither a sent nor a received time', { sentDateTime: null, receivedDateTime: null }],
  ])('skips %s', (_case, overrides) => {
    expect(mineMessage(message(overrides), inbox)).toBeNull();
  });

  it('uses the sender when from is missing', () => {
    const mined = mineMessage(message({ from: null, sender: address('pat.okafor@health.cascadia.gov') }), inbox);
    expect(mined?.participants[0]).toEqual({ email: 'pat.okafor@health.cascadia.gov', displayName: '', role: 'from' });
  });

  it('drops recipients without a usable address and trims names', () => {
    const mined = mineMessage(
      message({ toRecipients: [address(OWNER, '  Jess Morgan  '), { emailAddress: null }, address('undisclosed-recipients:;')], ccRecipients: null }),
      inbox,
    );
    expect(mined?.participants).toEqual([
      { email: 'pat.okafor@health.cascadia.gov', displayName: 'Okafor, Pat (HEALTH)', role: 'from' },
      { email: OWNER, displayName: 'Jess Morgan', role: 'to' },
    ]);
  });

  it('keeps one id for one internetMessageId across folders and Graph ids: a moved message is one interaction', () => {
    const inInbox = mineMessage(message({ id: 'graph-id-inbox' }), inbox);
    const moved = mineMessage(message({ id: 'graph-id-archive' }), { ...inbox, folder: 'archive' });
    expect(inInbox?.id).toBe(moved?.id);
    expect(moved?.source).toEqual({ folder: 'archive', graphId: 'graph-id-archive' });
  });

  it('gives each owner their own id for the same message', () => {
    const jess = mineMessage(message(), inbox);
    const alice = mineMessage(message(), { ...inbox, ownerEmail: 'alice.allen@health.cascadia.gov' });
    expect(jess?.id).not.toBe(alice?.id);
  });

  it('gives different messages different ids, and the same id when re-mined', () => {
    const first = mineMessage(message(), inbox);
    expect(mineMessage(message(), inbox)?.id).toBe(first?.id);
    expect(mineMessage(message({ internetMessageId: '<other@housing.cascadia.gov>' }), inbox)?.id).not.toBe(first?.id);
    expect(mineMessage(message(), { ...inbox, tenantId: 'tenant-other' })?.id).not.toBe(first?.id);
  });

  it('falls back to the Graph id when there is no internetMessageId', () => {
    const a = mineMessage(message({ internetMessageId: null, id: 'graph-a' }), inbox);
    const b = mineMessage(message({ internetMessageId: null, id: 'graph-b' }), inbox);
    expect(a?.id).not.toBe(b?.id);
  });

  it.each<[string, Partial<GraphMessageMetadata>, boolean]>([
    ['a no-reply sender', { from: address('no-reply@permits.cascadia.gov') }, true],
    ['a mailing list on Cc', { ccRecipients: [address('housing-partners@lists.cascadia.gov')] }, true],
    ['people only', {}, false],
  ])('flags bulk for %s', (_case, overrides, bulk) => {
    expect(mineMessage(message(overrides), inbox)?.bulk).toBe(bulk);
  });

  it('copies no body, preview or unknown field even when the input has them', () => {
    const withBody = {
      ...message(),
      body: { contentType: 'html', content: '<p>secret</p>' },
      bodyPreview: 'secret',
      uniqueBody: { content: 'secret' },
      hasAttachments: true,
    } as GraphMessageMetadata;
    const mined = mineMessage(withBody, inbox);
    expect(Object.keys(mined ?? {}).sort()).toEqual(
      ['at', 'bulk', 'cancelled', 'direction', 'id', 'kind', 'meetingKey', 'ownerEmail', 'ownerKey', 'participants', 'seriesKey', 'source', 'subject', 'tenantId', 'threadId'],
    );
    expect(JSON.stringify(mined)).not.toContain('secret');
  });

  it('gives an empty subject and a null thread when Graph has none', () => {
    const mined = mineMessage(message({ subject: null, conversationId: null }), inbox);
    expect(mined?.subject).toBe('');
    expect(mined?.threadId).toBeNull();
  });
});
