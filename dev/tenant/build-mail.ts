// Generates six months of mail for the Cascadia scenario and files every copy where
// Exchange would: the sender's Sent Items, each tenant recipient's Inbox (same
// internetMessageId, a different id per mailbox), with older mail archived or deleted.
// Noise is part of the point: newsletters, no-reply senders, a mailing list, typos in names.
import type { GraphMessage, GraphRecipient, Mailbox } from './tenant-types.ts';
import type { SeededRandom } from './seeded-random.ts';
import { deriveConversationId, deriveInternetMessageId, deriveItemId } from './graph-ids.ts';
import { displayNameAt, requireMember, type Cast, type CastMember } from './cascadia-people.ts';
import {
  MAILING_LIST,
  MAIL_TOPICS,
  NEWSLETTER_SENDER,
  NO_REPLY_SENDERS,
  TEAM_SUBJECTS,
  type MailTopic,
  type OrgKey,
} from './cascadia-scenario.ts';
import {
  DAY_MS,
  MINUTE_MS,
  atPacificTime,
  formatGraphInstant,
  listWorkdays,
  pickWorkingInstant,
  shiftIntoWorkingHours,
} from './scenario-clock.ts';

type MailKind = 'conversation' | 'newsletter' | 'no-reply' | 'list';

interface Address {
  name: string;
  address: string;
}

/** One message as sent, before it is copied into mailboxes. */
interface SentMessage {
  key: string;
  conversationKey: string;
  subject: string;
  kind: MailKind;
  from: Address;
  sender: Address;
  fromMember: CastMember | null;
  to: Address[];
  cc: Address[];
  bcc: Address[];
  replyTo: Address[];
  /** Tenant members who receive a copy in their inbox. */
  deliverTo: CastMember[];
  sentMs: number;
  headers?: { name: string; value: string }[];
  hasAttachments: boolean;
  importance: GraphMessage['importance'];
  body: string;
}

export interface MailPlanOptions {
  cast: Cast;
  mailboxes: Record<string, Mailbox>;
  startMs: number;
  nowMs: number;
  scale: number;
  /**
   * Make sure every external person of the cast takes part in at least one thread (adds short
   * "Introduction" threads for the ones the random plan left out). Off for the default tenant.
   */
  introduceEveryContact?: boolean;
  /**
   * File part of the inbox-bound mail of mailboxes that have the user folders 'Projects' and
   * 'Shelter Network' (see USER_FOLDER_NAMES) into those folders instead of the Inbox.
   */
  fileIntoUserFolders?: boolean;
  /**
   * Let the copies of one sent message share their common parts (recipient arrays, body) instead of
   * each having its own: much less memory and garbage at benchmark scale. The JSON is the same.
   * Whoever mutates a shared part changes every copy, so this is off unless asked for.
   */
  shareCopyParts?: boolean;
}

/** The user-created folders the generator can give a mailbox: a top-level folder and its child. */
export const USER_FOLDER_NAMES = { projects: 'Projects', shelterNetwork: 'Shelter Network' } as const;

const CONVERSATION_THREADS_AT_SCALE_1 = 5400;
const TEAM_THREADS_AT_SCALE_1 = 280;
const MAILING_LIST_SUBSCRIBERS = ['dana', 'jess', 'marcus', 'priya', 'tom', 'kevin', 'alicia', 'sarah', 'luis'];
const NEWSLETTER_SUBSCRIBERS = ['dana', 'jess', 'marcus', 'priya', 'kevin', 'nora', 'sarah', 'grace', 'hannah'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const BODY_LINES = [
  'Following up on our conversation from earlier this week.',
  'Attached is the latest version with the edits we discussed.',
  'Can you confirm the numbers before we send this up the chain?',
  'Looping in the right folks so we do not lose track of this.',
  'Please see the notes below and let me know if I missed anything.',
  'We need a decision by Friday to stay on schedule.',
  'Thanks for the quick turnaround on this.',
  'Flagging this for the next coordination meeting.',
];

function toAddress(member: CastMember, atMs: number): Address {
  return { name: displayNameAt(member, formatGraphInstant(atMs)), address: member.email };
}

/** How a sender's client writes a recipient's name: directory name, plain name, or a typo someone saved once. */
function nameAsTyped(random: SeededRandom, recipient: CastMember, sender: CastMember | null, atMs: number): Address {
  const address = recipient.email;
  if (recipient.key === 'jess' && random.chance(0.05)) return { name: 'Jess Morgn', address };
  if (recipient.key === 'dana' && random.chance(0.03)) return { name: address, address };
  if (recipient.key === 'marcus' && random.chance(0.03)) return { name: 'Marcus Lea', address };
  if (recipient.inTenant && sender && !sender.inTenant && random.chance(0.5)) {
    return { name: `${recipient.givenName} ${recipient.surname}`, address };
  }
  return toAddress(recipient, atMs);
}

function writeBody(random: SeededRandom, greeting: string, signature: string): string {
  const lines = random.sample(BODY_LINES, random.int(1, 2)).join(' ');
  return `Hi ${greeting},\n\n${lines}\n\nThanks,\n${signature}`;
}

function toRecipients(addresses: Address[]): GraphRecipient[] {
  return addresses.map((address) => ({ emailAddress: { name: address.name, address: address.address } }));
}

function uniqueMembers(members: CastMember[]): CastMember[] {
  return [...new Map(members.map((member) => [member.key, member])).values()];
}

interface ThreadPlan {
  key: string;
  subject: string;
  participants: CastMember[];
  originator: CastMember;
  startMs: number;
  replyChance: number;
}

/** Plays a thread out: an opening message and replies (reply-all most of the time), each from someone other than the last sender. */
function playThread(random: SeededRandom, plan: ThreadPlan, nowMs: number): SentMessage[] {
  const messages: SentMessage[] = [];
  let sender = plan.originator;
  let lastSender: CastMember | null = null;
  let sentMs = plan.startMs;
  let participants = plan.participants;
  for (let index = 0; index < 8; index++) {
    if (sentMs >= nowMs - MINUTE_MS) break;
    const others = participants.filter((member) => member.key !== sender.key);
    if (others.length === 0) break;
    let to: CastMember[];
    let cc: CastMember[];
    let subject = plan.subject;
    if (index === 0) {
      const split = random.int(1, others.length);
      to = others.slice(0, split);
      cc = others.slice(split);
    } else {
      const previous = lastSender ?? others[0]!;
      to = [previous];
      cc = random.chance(0.75) ? others.filter((member) => member.key !== previous.key) : [];
      subject = `RE: ${plan.subject}`;
    }
    const bcc: CastMember[] = [];
    if (sender.inTenant && random.chance(0.06)) {
      const colleague = random.pick(others);
      if (!to.includes(colleague) && !cc.includes(colleague)) bcc.push(colleague);
    }
    const recipients = [...to, ...cc, ...bcc];
    messages.push({
      key: `${plan.key}#${index}`,
      conversationKey: plan.key,
      subject,
      kind: 'conversation',
      from: toAddress(sender, sentMs),
      sender: toAddress(sender, sentMs),
      fromMember: sender,
      to: to.map((member) => nameAsTyped(random, member, sender, sentMs)),
      cc: cc.map((member) => nameAsTyped(random, member, sender, sentMs)),
      bcc: bcc.map((member) => nameAsTyped(random, member, sender, sentMs)),
      replyTo: [],
      deliverTo: recipients.filter((member) => member.inTenant),
      sentMs,
      hasAttachments: random.chance(0.15),
      importance: random.chance(0.04) ? 'high' : 'normal',
      body: writeBody(random, to[0]?.givenName ?? 'all', sender.givenName),
    });
    if (index > 0 && !random.chance(plan.replyChance)) break;
    if (index === 0 && !random.chance(plan.replyChance + 0.1)) break;
    lastSender = sender;
    const candidates = recipients.filter((member) => !bcc.includes(member));
    sender = random.chance(0.6) && to[0] ? to[0] : random.pick(candidates.length > 0 ? candidates : others);
    if (random.chance(0.05)) participants = uniqueMembers([...participants, random.pick(others)]);
    sentMs = shiftIntoWorkingHours(random, sentMs + random.int(8, 60 * 30) * MINUTE_MS);
  }
  return messages;
}

/** The candidate pools of a topic (cached per cast: with a large cast, rebuilding them per thread dominated the run time). */
const topicPools = new WeakMap<Cast, Map<string, CastMember[]>>();
function readTopicPool(cast: Cast, key: string, build: () => CastMember[]): CastMember[] {
  let pools = topicPools.get(cast);
  if (!pools) topicPools.set(cast, (pools = new Map()));
  let pool = pools.get(key);
  if (!pool) pools.set(key, (pool = build()));
  return pool;
}

function planTopicThread(random: SeededRandom, cast: Cast, topic: MailTopic, key: string, startMs: number): ThreadPlan {
  const tenantPool = readTopicPool(cast, `tenant|${topic.subject}`, () => cast.tenantMembers.filter((member) => topic.orgs.includes(member.org.key)));
  const owner = random.pickWeighted(tenantPool.length > 0 ? tenantPool : cast.tenantMembers, (member) =>
    member.key === 'jess' ? 5 : member.key === 'dana' ? 4 : member.org.key === 'housing' ? 2 : 1,
  );
  const externalPool = readTopicPool(cast, `external|${topic.subject}|${owner.org.key}`, () =>
    topic.orgs.filter((org) => org !== owner.org.key).flatMap((org) => cast.byOrg.get(org) ?? []).filter((member) => !member.inTenant),
  );
  const externals = random.sample(externalPool, random.int(1, 3));
  const colleagues = random.chance(0.45)
    ? random.sample(tenantPool.filter((member) => member.key !== owner.key), random.int(1, 2))
    : [];
  const participants = uniqueMembers([owner, ...externals, ...colleagues]);
  const originator = random.chance(0.45) ? owner : random.pick(participants);
  const month = MONTH_NAMES[new Date(startMs).getUTCMonth()] ?? '';
  const subject = random.chance(0.3) ? `${topic.subject} – ${month}` : topic.subject;
  return { key, subject, participants, originator, startMs, replyChance: 0.55 };
}

function planTeamThread(random: SeededRandom, cast: Cast, key: string, startMs: number): ThreadPlan {
  const dana = requireMember(cast, 'dana');
  const jess = requireMember(cast, 'jess');
  const housing = (cast.byOrg.get('housing') ?? []).filter((member) => member.key !== 'dana' && member.key !== 'jess');
  const participants = random.chance(0.3) ? [dana, jess, random.pick(housing)] : [dana, jess];
  return {
    key,
    subject: random.pick(TEAM_SUBJECTS),
    participants,
    originator: random.chance(0.5) ? dana : jess,
    startMs,
    replyChance: 0.7,
  };
}

function planBulkMail(random: SeededRandom, options: MailPlanOptions): SentMessage[] {
  const { cast, startMs, nowMs, scale } = options;
  const keep = Math.max(0.25, Math.min(1, scale));
  const messages: SentMessage[] = [];
  const workdays = listWorkdays(startMs, nowMs);
  const newsletter: Address = { ...NEWSLETTER_SENDER };
  const list: Address = { ...MAILING_LIST };
  const posterOrgs: OrgKey[] = ['council', 'orca', 'kestrel', 'driftwood', 'fernridge', 'federal'];
  const listPosters = [...posterOrgs.flatMap((org) => cast.byOrg.get(org) ?? []), requireMember(cast, 'jess'), requireMember(cast, 'kevin')];

  for (const [dayIndex, day] of workdays.entries()) {
    const weekday = new Date(day).getUTCDay();
    // Civic Housing Weekly: one issue every Tuesday, sent to each subscriber separately.
    if (weekday === 2 && random.chance(keep)) {
      const issueMs = atPacificTime(day, 6, 5);
      for (const subscriberKey of NEWSLETTER_SUBSCRIBERS) {
        const subscriber = requireMember(cast, subscriberKey);
        messages.push({
          key: `newsletter:${day}:${subscriberKey}`,
          conversationKey: `newsletter:${day}:${subscriberKey}`,
          subject: `Civic Housing Weekly – Issue ${100 + Math.floor(dayIndex / 5)}`,
          kind: 'newsletter',
          from: newsletter,
          sender: newsletter,
          fromMember: null,
          to: [{ name: subscriber.displayName, address: subscriber.email }],
          cc: [],
          bcc: [],
          replyTo: [],
          deliverTo: [subscriber],
          sentMs: issueMs + random.int(0, 300) * 1000,
          headers: [
            { name: 'List-Unsubscribe', value: `<https://civichousingweekly.com/u/${subscriberKey}>, <mailto:unsubscribe@civichousingweekly.com>` },
            { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
            { name: 'Precedence', value: 'bulk' },
          ],
          hasAttachments: false,
          importance: 'normal',
          body: 'This week: shelter funding, zoning reform, and a new federal notice. Read online.',
        });
      }
    }
    // No-reply systems: nightly HMIS alerts, grant portal receipts, service-desk tickets.
    for (const [index, system] of NO_REPLY_SENDERS.entries()) {
      const rate = index === 0 ? 0.8 : index === 1 ? 0.35 : 0.2;
      if (!random.chance(rate * keep)) continue;
      const recipients = index === 0 ? ['tom', 'jess'] : index === 1 ? ['priya'] : [random.pick(cast.tenantMembers).key];
      const atMs = index === 0 ? atPacificTime(day, 5, 30) : pickWorkingInstant(random, day);
      for (const recipientKey of recipients) {
        const recipient = requireMember(cast, recipientKey);
        const from: Address = { name: system.name, address: system.address };
        messages.push({
          key: `noreply:${index}:${day}:${recipientKey}`,
          conversationKey: `noreply:${index}:${day}:${recipientKey}`,
          subject: index === 2 ? `${system.subject} (INC${String(40000 + dayIndex * 7).padStart(7, '0')})` : system.subject,
          kind: 'no-reply',
          from,
          sender: from,
          fromMember: null,
          to: [{ name: recipient.displayName, address: recipient.email }],
          cc: [],
          bcc: [],
          replyTo: [],
          deliverTo: [recipient],
          sentMs: atMs,
          headers: [{ name: 'Auto-Submitted', value: 'auto-generated' }],
          hasAttachments: false,
          importance: 'normal',
          body: 'This is an automated message. Please do not reply.',
        });
      }
    }
    // housing-partners@lists.cascadia.gov: partners post, tenant subscribers receive it via the list.
    if (random.chance(0.6 * keep)) {
      const poster = random.pick(listPosters);
      const sentMs = pickWorkingInstant(random, day);
      const topic = random.pick(MAIL_TOPICS);
      messages.push({
        key: `list:${day}`,
        conversationKey: `list:${day}`,
        subject: `[Housing Partners] ${topic.subject}`,
        kind: 'list',
        from: toAddress(poster, sentMs),
        sender: list,
        fromMember: poster,
        to: [list],
        cc: [],
        bcc: [],
        replyTo: [list],
        deliverTo: MAILING_LIST_SUBSCRIBERS.map((key) => requireMember(cast, key)).filter((member) => member.key !== poster.key),
        sentMs,
        headers: [
          { name: 'List-Id', value: '<housing-partners.lists.cascadia.gov>' },
          { name: 'List-Unsubscribe', value: '<mailto:housing-partners-leave@lists.cascadia.gov>' },
          { name: 'Precedence', value: 'list' },
        ],
        hasAttachments: false,
        importance: 'normal',
        body: writeBody(random, 'partners', poster.givenName),
      });
    }
  }
  return messages;
}

/** One short thread with every external person that no planned message involves yet (so a large cast is all in the mail). */
function planIntroductions(random: SeededRandom, options: MailPlanOptions, planned: readonly SentMessage[]): SentMessage[] {
  const { cast, startMs, nowMs, mailboxes } = options;
  const seen = new Set<string>();
  for (const message of planned) {
    seen.add(message.from.address);
    for (const address of [...message.to, ...message.cc]) seen.add(address.address);
  }
  const workdays = listWorkdays(startMs, nowMs);
  const owners = cast.tenantMembers.filter((member) => member.userId !== null && mailboxes[member.userId] !== undefined);
  if (owners.length === 0) return [];
  const messages: SentMessage[] = [];
  for (const contact of cast.members) {
    if (contact.inTenant || seen.has(contact.email)) continue;
    const topics = MAIL_TOPICS.filter((topic) => topic.orgs.includes(contact.org.key));
    const topic = topics.length > 0 ? random.pick(topics) : random.pick(MAIL_TOPICS);
    const near = owners.filter((member) => topic.orgs.includes(member.org.key));
    const owner = random.pick(near.length > 0 ? near : owners);
    const plan: ThreadPlan = {
      key: `intro:${contact.key}`,
      subject: `Introduction: ${topic.subject}`,
      participants: [owner, contact],
      originator: owner,
      startMs: pickWorkingInstant(random, random.pick(workdays)),
      replyChance: 0.5,
    };
    messages.push(...playThread(random, plan, nowMs));
  }
  return messages;
}

/** Plans every message of the period (conversations, team mail and noise), oldest first. */
function planMessages(random: SeededRandom, options: MailPlanOptions): SentMessage[] {
  const { cast, startMs, nowMs, scale } = options;
  const workdays = listWorkdays(startMs, nowMs);
  const messages: SentMessage[] = [];
  const threadCount = Math.round(CONVERSATION_THREADS_AT_SCALE_1 * scale);
  for (let i = 0; i < threadCount; i++) {
    const topic = random.pickWeighted(MAIL_TOPICS, (candidate) => candidate.weight);
    const startMsOfThread = pickWorkingInstant(random, random.pick(workdays));
    messages.push(...playThread(random, planTopicThread(random, cast, topic, `topic:${i}`, startMsOfThread), nowMs));
  }
  const teamCount = Math.max(8, Math.round(TEAM_THREADS_AT_SCALE_1 * scale));
  for (let i = 0; i < teamCount; i++) {
    const startMsOfThread = pickWorkingInstant(random, random.pick(workdays));
    messages.push(...playThread(random, planTeamThread(random, cast, `team:${i}`, startMsOfThread), nowMs));
  }
  messages.push(...planBulkMail(random, options));
  if (options.introduceEveryContact) messages.push(...planIntroductions(random.fork('introductions'), options, messages));
  return messages
    .filter((message) => message.sentMs < nowMs && message.sentMs >= startMs)
    .sort((a, b) => a.sentMs - b.sentMs || (a.key < b.key ? -1 : 1));
}

function readFolderId(mailbox: Mailbox, wellKnownNameOrId: string): string {
  const folder = mailbox.folders.find((candidate) => candidate.wellKnownName === wellKnownNameOrId || candidate.id === wellKnownNameOrId);
  if (!folder) throw new Error(`mailbox ${mailbox.userId} has no ${wellKnownNameOrId}`);
  return folder.id;
}

/** Where a received copy ends up: most stay in the Inbox; old mail gets archived, bulk mail deleted. */
function chooseInboxFolder(random: SeededRandom, message: SentMessage, receivedMs: number, nowMs: number): string {
  const ageDays = (nowMs - receivedMs) / DAY_MS;
  const bulk = message.kind === 'newsletter' || message.kind === 'no-reply';
  if (bulk && ageDays > 10 && random.chance(0.6)) return 'deleteditems';
  if (!bulk && random.chance(0.02)) return 'deleteditems';
  if (ageDays > 75 && random.chance(0.4)) return 'archive';
  return 'inbox';
}

/** The parts every copy of a sent message has in common (shared between copies when memory matters). */
interface SharedParts {
  conversationId: string;
  bodyPreview: string;
  body: GraphMessage['body'];
  from: GraphRecipient;
  sender: GraphRecipient;
  toRecipients: GraphRecipient[];
  ccRecipients: GraphRecipient[];
  replyTo: GraphRecipient[];
  sentDateTime: string;
}

function computeSharedParts(message: SentMessage): SharedParts {
  return {
    conversationId: deriveConversationId(message.conversationKey),
    bodyPreview: message.body.replace(/\s+/g, ' ').slice(0, 255),
    body: { contentType: 'text', content: message.body },
    from: toRecipients([message.from])[0]!,
    sender: toRecipients([message.sender])[0]!,
    toRecipients: toRecipients(message.to),
    ccRecipients: toRecipients(message.cc),
    replyTo: toRecipients(message.replyTo),
    sentDateTime: formatGraphInstant(message.sentMs),
  };
}

function copyMessage(
  message: SentMessage,
  mailbox: Mailbox,
  folderName: string,
  receivedMs: number,
  isRead: boolean,
  imid: string,
  keepBcc: boolean,
  shared: SharedParts = computeSharedParts(message),
): GraphMessage {
  const received = formatGraphInstant(receivedMs);
  const copy: GraphMessage = {
    id: deriveItemId('message', `${mailbox.userId}|${imid}`),
    internetMessageId: imid,
    conversationId: shared.conversationId,
    subject: message.subject,
    bodyPreview: shared.bodyPreview,
    body: shared.body,
    from: shared.from,
    sender: shared.sender,
    toRecipients: shared.toRecipients,
    ccRecipients: shared.ccRecipients,
    bccRecipients: keepBcc ? toRecipients(message.bcc) : [],
    replyTo: shared.replyTo,
    sentDateTime: shared.sentDateTime,
    receivedDateTime: received,
    createdDateTime: received,
    lastModifiedDateTime: received,
    isDraft: false,
    isRead,
    hasAttachments: message.hasAttachments,
    importance: message.importance,
    parentFolderId: readFolderId(mailbox, folderName),
  };
  if (message.headers) copy.internetMessageHeaders = message.headers.map((header) => ({ ...header }));
  return copy;
}

const PROJECT_SUBJECTS = ['CoC NOFO', 'Point-in-Time', 'HMIS', 'Coordinated entry', 'ESG-CV'];

/**
 * Where a user files an inbox-bound message, if the mailbox has user folders: shelter mail into
 * Projects/Shelter Network, project mail into Projects (as if moved there after reading); else null.
 */
function chooseUserFolder(random: SeededRandom, mailbox: Mailbox, message: SentMessage): string | null {
  if (message.kind !== 'conversation') return null;
  const userFolder = (name: string): string | undefined => mailbox.folders.find((folder) => folder.wellKnownName === null && folder.displayName === name)?.id;
  const subject = message.subject.toLowerCase();
  if (subject.includes('shelter')) {
    const folder = userFolder(USER_FOLDER_NAMES.shelterNetwork);
    if (folder && random.chance(0.7)) return folder;
    return null;
  }
  if (PROJECT_SUBJECTS.some((topic) => subject.includes(topic.toLowerCase()))) {
    const folder = userFolder(USER_FOLDER_NAMES.projects);
    if (folder && random.chance(0.5)) return folder;
  }
  return null;
}

/** Generates the period's mail and files every copy into the given mailboxes (which must have their folders). */
export function fillMailboxes(random: SeededRandom, options: MailPlanOptions): void {
  const { mailboxes, nowMs } = options;
  const planned = planMessages(random.fork('plan'), options);
  const filing = random.fork('filing');
  const userFiling = options.fileIntoUserFolders ? random.fork('user-folders') : null;
  for (const message of planned) {
    const senderHost = message.fromMember?.email.split('@')[1] ?? message.from.address.split('@')[1] ?? 'localhost';
    const imid = deriveInternetMessageId(message.key, senderHost);
    const senderMailbox = message.fromMember?.userId ? mailboxes[message.fromMember.userId] : undefined;
    // Large tenants share the parts all copies have in common (recipients, body) to keep memory flat;
    // the default tenant keeps separate objects per copy, as it always has.
    const sharedParts = options.shareCopyParts ? computeSharedParts(message) : undefined;
    if (senderMailbox) {
      const copy = copyMessage(message, senderMailbox, 'sentitems', message.sentMs, true, imid, true, sharedParts);
      senderMailbox.messages[copy.parentFolderId]!.push(copy);
    }
    const delivered = new Set<string>();
    for (const recipient of message.deliverTo) {
      if (!recipient.userId || delivered.has(recipient.userId) || recipient.key === message.fromMember?.key) continue;
      delivered.add(recipient.userId);
      const mailbox = mailboxes[recipient.userId];
      if (!mailbox) continue;
      const receivedMs = Math.min(message.sentMs + filing.int(1, 90) * 1000, nowMs - 1000);
      let folderName = chooseInboxFolder(filing, message, receivedMs, nowMs);
      if (userFiling && folderName === 'inbox') folderName = chooseUserFolder(userFiling, mailbox, message) ?? folderName;
      const isRead = nowMs - receivedMs > 2 * DAY_MS ? filing.chance(0.97) : filing.chance(0.5);
      const copy = copyMessage(message, mailbox, folderName, receivedMs, isRead || folderName !== 'inbox', imid, false, sharedParts);
      mailbox.messages[copy.parentFolderId]!.push(copy);
    }
  }
  for (const mailbox of Object.values(mailboxes)) {
    for (const list of Object.values(mailbox.messages)) {
      list.sort((a, b) => (a.receivedDateTime < b.receivedDateTime ? -1 : a.receivedDateTime > b.receivedDateTime ? 1 : a.id < b.id ? -1 : 1));
    }
  }
}
