// The deterministic demo tenant: the fictional State of Cascadia, its 150 people, six months
// of mail and calendars, and the group roles Dana's team typed in. Same options ⇒ the same
// tenant, byte for byte (seeded PRNG, fixed "now"; no Math.random, no clock).
import type { DemoTenant, DirectoryOrganization, Mailbox, MailFolder, SeedMembership } from './tenant-types.ts';
import { createSeededRandom, type SeededRandom } from './seeded-random.ts';
import { deriveItemId } from './graph-ids.ts';
import { buildCast, extendCast, requireMember, toGraphUsers, toScenarioPeople, type Cast, type CastMember } from './cascadia-people.ts';
import { fillMailboxes, USER_FOLDER_NAMES } from './build-mail.ts';
import { fillCalendars } from './build-calendar.ts';
import {
  CASCADIA_TENANT_ID,
  CASCADIA_TENANT_NAME,
  DEFAULT_NOW,
  DEFAULT_SEED,
  SCENARIO_ORGANIZATIONS,
  type OrgKey,
} from './cascadia-scenario.ts';
import { DAY_MS } from './scenario-clock.ts';

export interface GenerateDemoTenantOptions {
  /** PRNG seed; defaults to a fixed value so the demo is always the same. */
  seed?: number;
  /** Multiplies mail volume (1 ⇒ 20,000+ mailbox items; 0.1 for fast tests). Calendars are not scaled. */
  scale?: number;
  /** The scenario's "now": the end of the six months (ISO). */
  now?: string;
  /**
   * How many mailboxes (tenant users with mail) the tenant has. Above the scenario's own 14,
   * generated state staff are added; below it, only the first N users get a mailbox (Dana and
   * Jess come first). Default: every scenario user.
   */
  mailboxes?: number;
  /**
   * How many external people (outside the tenant) the scenario has; above its own 136, generated
   * partner staff are added, and every external person then appears in at least one thread.
   */
  contacts?: number;
  /**
   * Give the Department of Housing mailboxes user-created folders — 'Projects' and its child
   * 'Shelter Network' — and file part of their inbox-bound project and shelter mail there
   * (moved, not copied: the total message count is unchanged). Default false, which keeps the
   * default tenant exactly as it has always been.
   */
  userFolders?: boolean;
}

/** The mailboxes that get user folders (when asked for): the Department of Housing's. */
const USER_FOLDER_ORG = 'housing';

const PERIOD_DAYS = 183;
const CALENDAR_HORIZON_DAYS = 28;

const FOLDERS: readonly { wellKnownName: string; displayName: string }[] = [
  { wellKnownName: 'inbox', displayName: 'Inbox' },
  { wellKnownName: 'sentitems', displayName: 'Sent Items' },
  { wellKnownName: 'archive', displayName: 'Archive' },
  { wellKnownName: 'deleteditems', displayName: 'Deleted Items' },
];

function createMailbox(userId: string, withUserFolders = false): Mailbox {
  const folders: MailFolder[] = FOLDERS.map((folder) => ({
    id: deriveItemId('folder', `${userId}|${folder.wellKnownName}`),
    displayName: folder.displayName,
    wellKnownName: folder.wellKnownName,
  }));
  if (withUserFolders) {
    const projects: MailFolder = { id: deriveItemId('folder', `${userId}|user:${USER_FOLDER_NAMES.projects}`), displayName: USER_FOLDER_NAMES.projects, wellKnownName: null, parentFolderId: null };
    const shelters: MailFolder = {
      id: deriveItemId('folder', `${userId}|user:${USER_FOLDER_NAMES.projects}/${USER_FOLDER_NAMES.shelterNetwork}`),
      displayName: USER_FOLDER_NAMES.shelterNetwork,
      wellKnownName: null,
      parentFolderId: projects.id,
    };
    folders.push(projects, shelters);
  }
  return { userId, folders, messages: Object.fromEntries(folders.map((folder) => [folder.id, []])), events: [] };
}

function listOrganizations(): DirectoryOrganization[] {
  return SCENARIO_ORGANIZATIONS.map((org) => ({
    name: org.name,
    kind: org.kind,
    domains: [...org.domains],
    ...(org.parent ? { parent: org.parent } : {}),
  }));
}

/** The roles Dana's team entered by hand. The working group is deliberately absent: it must be inferred from calendars. */
function listSeedMemberships(random: SeededRandom, cast: Cast): SeedMembership[] {
  const member = (key: string): CastMember => requireMember(cast, key);
  const others = (org: OrgKey, count: number, exclude: string[]): CastMember[] =>
    random.sample((cast.byOrg.get(org) ?? []).filter((candidate) => !exclude.includes(candidate.key)), count);
  const dana = member('dana').email;
  const jess = member('jess').email;
  const memberships: SeedMembership[] = [];
  const add = (group: string, groupKind: SeedMembership['groupKind'], people: CastMember[], role: string, addedBy = dana): void => {
    for (const person of people) memberships.push({ group, groupKind, email: person.email, role, addedBy });
  };

  const initiative = 'Homelessness Reduction Initiative';
  add(initiative, 'initiative', [member('jess')], 'Lead');
  add(initiative, 'initiative', [member('marcus')], 'Executive sponsor');
  add(initiative, 'initiative', [member('dana')], 'Policy analyst', jess);
  add(initiative, 'initiative', [member('priya')], 'Grants lead');
  add(initiative, 'initiative', [member('tom')], 'Data lead');
  add(initiative, 'initiative', [member('nora')], 'Governor’s office liaison');

  const coordination = 'Housing–Public Health Coordination';
  add(coordination, 'initiative', [member('jess')], 'Coordination lead');
  add(coordination, 'initiative', [member('alicia')], 'Health lead');
  add(coordination, 'initiative', [member('omar'), member('grace')], 'Member');
  add(coordination, 'initiative', [member('dana')], 'Member', jess);

  const shelters = 'Shelter Network';
  add(shelters, 'coalition', [member('jess')], 'Point of contact');
  add(shelters, 'coalition', [member('sam'), member('ada')], 'Member');
  add(shelters, 'coalition', [...others('driftwood', 2, ['sam']), ...others('fernridge', 2, ['ada'])], 'Member');

  const council = 'Regional Homelessness Council';
  add(council, 'board', [member('jess')], 'Board member');
  add(council, 'board', [member('walt')], 'Board chair');
  add(council, 'board', [member('pat'), member('chris')], 'Board member');
  add(council, 'board', [member('miriam')], 'Executive director');
  add(council, 'board', others('council', 2, ['miriam']), 'Staff');

  const pitCount = 'Point-in-Time Count Planning';
  add(pitCount, 'initiative', [member('tom')], 'Coordinator', jess);
  add(pitCount, 'initiative', [...others('orca', 2, ['pat']), ...others('kestrel', 2, ['renee', 'walt'])], 'County lead', jess);

  const partners = 'Housing Partners list';
  add(partners, 'distribution-list', [member('kevin')], 'Owner');
  add(partners, 'distribution-list', [member('elaine'), member('ines')], 'Subscriber');
  return memberships;
}

/** Generates the State of Cascadia demo tenant. */
export function generateDemoTenant(options: GenerateDemoTenantOptions = {}): DemoTenant {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  const now = options.now ?? DEFAULT_NOW;
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs)) throw new Error(`generateDemoTenant: invalid now ${now}`);
  if (!(scale > 0)) throw new Error(`generateDemoTenant: scale must be positive, got ${scale}`);
  const random = createSeededRandom(seed);

  const baseCast = buildCast(random.fork('cast'));
  const baseTenantCount = baseCast.tenantMembers.length;
  const baseExternalCount = baseCast.members.length - baseTenantCount;
  for (const [name, value] of [['mailboxes', options.mailboxes], ['contacts', options.contacts]] as const) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) throw new Error(`generateDemoTenant: ${name} must be a positive integer, got ${value}`);
  }
  const extraTenant = Math.max(0, (options.mailboxes ?? baseTenantCount) - baseTenantCount);
  const extraExternal = Math.max(0, (options.contacts ?? baseExternalCount) - baseExternalCount);
  const cast = extraTenant + extraExternal > 0 ? extendCast(baseCast, random.fork('cast-extra'), { tenantMembers: extraTenant, externals: extraExternal }) : baseCast;
  const users = toGraphUsers(cast);
  const withMailbox = users.slice(0, options.mailboxes ?? users.length);
  const housingUsers = new Set(cast.tenantMembers.filter((member) => member.org.key === USER_FOLDER_ORG).map((member) => member.userId));
  const userFolders = options.userFolders === true;
  const mailboxes: Record<string, Mailbox> = Object.fromEntries(withMailbox.map((user) => [user.id, createMailbox(user.id, userFolders && housingUsers.has(user.id))]));
  const startMs = nowMs - PERIOD_DAYS * DAY_MS;
  fillMailboxes(random.fork('mail'), {
    cast,
    mailboxes,
    startMs,
    nowMs,
    scale,
    ...(extraExternal > 0 ? { introduceEveryContact: true } : {}),
    ...(userFolders ? { fileIntoUserFolders: true } : {}),
    ...(scale > 2 || extraTenant + extraExternal > 0 ? { shareCopyParts: true } : {}),
  });
  fillCalendars(random.fork('calendar'), { cast, mailboxes, startMs, nowMs, horizonMs: CALENDAR_HORIZON_DAYS * DAY_MS });

  const tenantDomains = ['cascadia.gov', ...SCENARIO_ORGANIZATIONS.filter((org) => org.inTenant).flatMap((org) => org.domains), 'lists.cascadia.gov', 'hmis.cascadia.gov'];
  return {
    tenantId: CASCADIA_TENANT_ID,
    name: CASCADIA_TENANT_NAME,
    domains: tenantDomains,
    now: new Date(nowMs).toISOString().replace(/\.000Z$/, 'Z'),
    users,
    mailboxes,
    organizations: listOrganizations(),
    seedMemberships: listSeedMemberships(random.fork('memberships'), baseCast),
    people: toScenarioPeople(cast),
  };
}
