// Header parsing and mining of mailbox-file messages: table-driven over the forms real mail
// takes (folded lines, encoded words, groups, comments, odd dates) and over broken input,
// which must come back as a reason rather than an exception.
import type { Interaction } from '../../../shared/domain/interaction.ts';
import { makeStableId } from '../../../functions/src/ids/make-stable-id.ts';
import { isMalformed, mineRfc822Headers } from '../../../functions/src/mining/mine-rfc822.ts';
import { decodeEncodedWords } from '../../../functions/src/mining/rfc822/decode-encoded-words.ts';
import { parseAddressList } from '../../../functions/src/mining/rfc822/parse-address-list.ts';
import { parseMailDate } from '../../../functions/src/mining/rfc822/parse-mail-date.ts';
import { splitHeaderFields } from '../../../functions/src/mining/rfc822/split-header-fields.ts';

const context = { tenantId: 'tenant-1', ownerEmail: 'Dana.Reyes@housing.cascadia.gov', source: 'import:test.mbox#message 1 at byte 0' };

function headers(...lines: string[]): string {
  return lines.join('\r\n');
}

function mine(text: string): Interaction {
  const result = mineRfc822Headers(text, context);
  if (isMalformed(result)) throw new Error(`unexpected malformed: ${result}`);
  return result;
}

const basic = headers(
  'From: Jess Alvarez <jess.alvarez@health.cascadia.gov>',
  'To: Dana Reyes <dana.reyes@housing.cascadia.gov>',
  'Date: Tue, 1 Jul 2003 10:52:37 +0200',
  'Subject: Shelter capacity',
  'Message-ID: <abc123@health.cascadia.gov>',
);

describe('splitHeaderFields', () => {
  it('unfolds continuation lines and keeps repeated fields', () => {
    const { fields } = splitHeaderFields('Subject: a long\r\n  folded subject\r\nReceived: one\r\nReceived: two\r\n\r\nbody: not a header');
    expect(fields.get('subject')).toEqual(['a long  folded subject']);
    expect(fields.get('received')).toEqual(['one', 'two']);
    expect(fields.has('body')).toBe(false);
  });
});

describe('decodeEncodedWords', () => {
  it.each([
    ['=?utf-8?B?Q2Fmw6kgbWVldGluZw==?=', 'Café meeting'],
    ['=?ISO-8859-1?Q?Caf=E9_meeting?=', 'Café meeting'],
    ['=?utf-8?q?Ren=C3=A9e?= =?utf-8?q?_Dubois?=', 'Renée Dubois'],
    ['Re: =?utf-8?B?w5xiZXJzaWNodA==?= today', 'Re: Übersicht today'],
    ['=?x-unknown?Q?caf=E9?=', 'café'],
    ['plain text', 'plain text'],
  ])('%s → %s', (input, expected) => {
    expect(decodeEncodedWords(input)).toBe(expected);
  });
});

describe('parseAddressList', () => {
  it.each([
    ['bare address', 'jess@health.gov', [{ email: 'jess@health.gov', displayName: '' }]],
    ['name and angle address', 'Jess Alvarez <Jess@Health.gov>', [{ email: 'jess@health.gov', displayName: 'Jess Alvarez' }]],
    ['quoted name with a comma', '"Alvarez, Jess" <jess@health.gov>, pat@county.gov', [
      { email: 'jess@health.gov', displayName: 'Alvarez, Jess' },
      { email: 'pat@county.gov', displayName: '' },
    ]],
    ['escaped quote in a name', '"Jess \\"JA\\" Alvarez" <jess@health.gov>', [{ email: 'jess@health.gov', displayName: 'Jess "JA" Alvarez' }]],
    ['comment as name (old form)', 'jess@health.gov (Jess Alvarez)', [{ email: 'jess@health.gov', displayName: 'Jess Alvarez' }]],
    ['comment inside an angle address line', 'Jess (work) <jess@health.gov>', [{ email: 'jess@health.gov', displayName: 'Jess' }]],
    ['group with members', 'Working Group: a@x.gov, "B" <b@y.gov>;, c@z.gov', [
      { email: 'a@x.gov', displayName: '' },
      { email: 'b@y.gov', displayName: 'B' },
      { email: 'c@z.gov', displayName: '' },
    ]],
    ['empty group', 'undisclosed-recipients:;', []],
    ['encoded-word name', '=?utf-8?B?UmVuw6llIER1Ym9pcw==?= <renee@x.gov>', [{ email: 'renee@x.gov', displayName: 'Renée Dubois' }]],
    ['encoded word inside quotes', '"=?utf-8?Q?Ren=C3=A9e?=" <renee@x.gov>', [{ email: 'renee@x.gov', displayName: 'Renée' }]],
    ['route address', '<@relay.x.gov:pat@county.gov>', [{ email: 'pat@county.gov', displayName: '' }]],
    ['X.500 path and garbage dropped', '</O=ENRON/OU=NA/CN=RECIPIENTS/CN=KLAY>, nonsense, ok@x.gov', [{ email: 'ok@x.gov', displayName: '' }]],
    ['space-separated addresses', 'a@x.gov b@y.gov', [{ email: 'a@x.gov', displayName: '' }, { email: 'b@y.gov', displayName: '' }]],
    ['name that repeats the address', "'jess@health.gov' <jess@health.gov>", [{ email: 'jess@health.gov', displayName: 'jess@health.gov' }]],
  ])('%s', (_name, input, expected) => {
    expect(parseAddressList(input)).toEqual(expected);
  });
});

describe('parseMailDate', () => {
  it.each([
    ['Tue, 1 Jul 2003 10:52:37 +0200', '2003-07-01T08:52:37.000Z'],
    ['1 Jul 2003 10:52:37 +0200', '2003-07-01T08:52:37.000Z'],
    ['Mon, 14 May 2001 16:39:00 -0700 (PDT)', '2001-05-14T23:39:00.000Z'],
    ['Mon, 14 May 01 16:39 PDT', '2001-05-14T23:39:00.000Z'],
    ['Wed, 2 Feb 1994 09:00:00 GMT', '1994-02-02T09:00:00.000Z'],
    ['Thu, 13 Feb 97 11:00:00 EST', '1997-02-13T16:00:00.000Z'],
    ['Tuesday, 01-Jul-2003 10:52:37 +0000', '2003-07-01T10:52:37.000Z'],
    ['Tue Jul  1 10:52:37 2003', '2003-07-01T10:52:37.000Z'],
    ['2000-01-12 08:24:00-08:00', '2000-01-12T16:24:00.000Z'],
    ['2000-01-12T08:24:00Z', '2000-01-12T08:24:00.000Z'],
  ])('%s', (input, expected) => {
    expect(parseMailDate(input)?.toISOString()).toBe(expected);
  });

  it.each(['', 'yesterday', '31 Feb 2003 10:00:00 +0000', '1 Jul 2003 25:00:00 +0000', '1 Foo 2003 10:00 +0000'])('rejects %j', (input) => {
    expect(parseMailDate(input)).toBeNull();
  });
});

describe('mineRfc822Headers', () => {
  it('mines a received message like a Graph message', () => {
    const interaction = mine(basic);
    expect(interaction).toEqual({
      id: makeStableId('tenant-1', 'dana.reyes@housing.cascadia.gov', 'email', '<abc123@health.cascadia.gov>'),
      tenantId: 'tenant-1',
      ownerKey: 'tenant-1|dana.reyes@housing.cascadia.gov',
      ownerEmail: 'dana.reyes@housing.cascadia.gov',
      kind: 'email',
      at: '2003-07-01T08:52:37.000Z',
      direction: 'received',
      subject: 'Shelter capacity',
      threadId: '<abc123@health.cascadia.gov>',
      seriesKey: null,
      meetingKey: null,
      participants: [
        { email: 'jess.alvarez@health.cascadia.gov', displayName: 'Jess Alvarez', role: 'from' },
        { email: 'dana.reyes@housing.cascadia.gov', displayName: 'Dana Reyes', role: 'to' },
      ],
      bulk: false,
      cancelled: false,
      source: { folder: 'import', graphId: 'import:test.mbox#message 1 at byte 0' },
    });
  });

  it('gives the same id as a Graph sync of the same message', () => {
    // mineMessage uses internetMessageId, which Graph returns with its angle brackets.
    expect(mine(basic).id).toBe(makeStableId('tenant-1', 'dana.reyes@housing.cascadia.gov', 'email', '<abc123@health.cascadia.gov>'));
  });

  it.each([
    ['sent when From is the owner', ['From: DANA.REYES@housing.cascadia.gov', 'To: jess@x.gov'], { direction: 'sent' }],
    ['folded To with cc and bcc', ['From: jess@x.gov', 'To: a@x.gov,\r\n\tb@x.gov', 'Cc: "C, Person" <c@x.gov>', 'Bcc: d@x.gov'], {
      participants: [
        { email: 'jess@x.gov', displayName: '', role: 'from' },
        { email: 'a@x.gov', displayName: '', role: 'to' },
        { email: 'b@x.gov', displayName: '', role: 'to' },
        { email: 'c@x.gov', displayName: 'C, Person', role: 'cc' },
        { email: 'd@x.gov', displayName: '', role: 'bcc' },
      ],
    }],
    ['encoded and folded subject', ['From: jess@x.gov', 'Subject: =?utf-8?B?Q2Fmw6k=?=\r\n =?utf-8?Q?_meeting?= notes'], { subject: 'Café meeting notes' }],
    ['thread from References', ['From: jess@x.gov', 'Message-ID: <c@x>', 'References: <root@x> <b@x>', 'In-Reply-To: <b@x>'], { threadId: '<root@x>' }],
    ['thread from In-Reply-To', ['From: jess@x.gov', 'Message-ID: <c@x>', 'In-Reply-To: <b@x>'], { threadId: '<b@x>' }],
    ['List-Id is bulk', ['From: jess@x.gov', 'List-Id: <housing.lists.x.gov>'], { bulk: true }],
    ['List-Unsubscribe is bulk', ['From: jess@x.gov', 'List-Unsubscribe: <mailto:u@x.gov>'], { bulk: true }],
    ['Precedence: bulk is bulk', ['From: jess@x.gov', 'Precedence: Bulk'], { bulk: true }],
    ['no-reply sender is bulk', ['From: no-reply@x.gov'], { bulk: true }],
    ['header names are case-insensitive', ['FROM: jess@x.gov', 'message-id: <m@x>'], { threadId: '<m@x>' }],
  ])('%s', (_name, lines, expected) => {
    const withDate = lines.some((l) => l.toLowerCase().startsWith('date:')) ? lines : [...lines, 'Date: Tue, 1 Jul 2003 10:52:37 +0200'];
    expect(mine(headers(...withDate))).toMatchObject(expected);
  });

  it('derives a stable id when Message-ID is missing, equal across folder copies', () => {
    const inSent = headers('From: jess@x.gov', 'To: a@x.gov', 'Date: Tue, 1 Jul 2003 10:52:37 +0200', 'Subject: s', 'X-Folder: Sent');
    const inArchive = headers('X-Folder: Archive', 'From: jess@x.gov', 'To: a@x.gov', 'Date: Tue, 1 Jul 2003 10:52:37 +0200', 'Subject: s');
    const other = headers('From: jess@x.gov', 'To: a@x.gov', 'Date: Tue, 1 Jul 2003 10:52:38 +0200', 'Subject: s');
    expect(mine(inSent).id).toBe(mine(inArchive).id);
    expect(mine(inSent).id).toBe(mine(inSent).id);
    expect(mine(other).id).not.toBe(mine(inSent).id);
    expect(mine(inSent).threadId).toMatch(/@derived\.crosswalk\.invalid>$/);
  });

  it('keeps nothing of a body handed over by mistake', () => {
    const interaction = mine(`${basic}\r\n\r\nFrom: secret@x.gov\r\nThe body says something private.`);
    expect(JSON.stringify(interaction)).not.toContain('private');
    expect(JSON.stringify(interaction)).not.toContain('secret@x.gov');
  });

  it.each([
    ['empty', '', 'no headers'],
    ['garbage', 'this is not\nan email at all', 'not a mail header block'],
    ['no From', headers('To: a@x.gov', 'Date: Tue, 1 Jul 2003 10:52:37 +0200'), 'no From'],
    ['From without an address', headers('From: Jess Alvarez', 'Date: Tue, 1 Jul 2003 10:52:37 +0200'), 'From has no address'],
    ['no Date', headers('From: jess@x.gov'), 'no Date'],
    ['unparsable Date', headers('From: jess@x.gov', 'Date: someday soon'), 'unparsable Date: someday soon'],
  ])('malformed: %s', (_name, text, reason) => {
    expect(mineRfc822Headers(text, context)).toBe(reason);
  });
});
