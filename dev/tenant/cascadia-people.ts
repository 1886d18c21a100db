// Builds the 150 people of the Cascadia scenario: the named cast plus generated staff for
// every partner organization, with addresses in each organization's own style. Only state
// employees are tenant users (with mailboxes); everyone else is known only through mail.
import type { GraphUser, ScenarioPerson } from './tenant-types.ts';
import type { SeededRandom } from './seeded-random.ts';
import { deriveGuid } from './graph-ids.ts';
import {
  GIVEN_NAMES,
  NAMED_PEOPLE,
  PAT_TITLE_CHANGE,
  SCENARIO_ORGANIZATIONS,
  SURNAMES,
  type OrgKey,
  type ScenarioOrganization,
} from './cascadia-scenario.ts';

/** A person as the generator works with them (richer than what the tenant exposes). */
export interface CastMember {
  key: string;
  email: string;
  givenName: string;
  surname: string;
  /** The name the person's own mail client shows (directory name for tenant users). */
  displayName: string;
  jobTitle: string;
  department: string;
  org: ScenarioOrganization;
  inTenant: boolean;
  userId: string | null;
}

export interface Cast {
  members: CastMember[];
  byKey: Map<string, CastMember>;
  byOrg: Map<OrgKey, CastMember[]>;
  tenantMembers: CastMember[];
}

function formatLocalPart(style: ScenarioOrganization['emailStyle'], givenName: string, surname: string): string {
  const first = givenName.toLowerCase().replace(/[^a-z]/g, '');
  const last = surname.toLowerCase().replace(/[^a-z]/g, '');
  switch (style) {
    case 'first.last':
      return `${first}.${last}`;
    case 'flast':
      return `${first[0] ?? ''}${last}`;
    case 'first':
      return first;
    case 'lastf':
      return `${last}${first[0] ?? ''}`;
  }
}

function formatDisplayName(org: ScenarioOrganization, givenName: string, surname: string): string {
  // Housing and Human Services use the old directory convention; the other agencies do not.
  if (org.key === 'housing' || org.key === 'dhs') return `${surname}, ${givenName} (${org.tag ?? ''})`;
  return `${givenName} ${surname}`;
}

function requireOrg(key: OrgKey): ScenarioOrganization {
  const org = SCENARIO_ORGANIZATIONS.find((candidate) => candidate.key === key);
  if (!org) throw new Error(`unknown organization ${key}`);
  return org;
}

/** Creates the whole cast; deterministic for a given random stream. */
/** The person's address in the organization's style, numbered when already taken; marks it taken. */
function claimEmail(usedEmails: Set<string>, org: ScenarioOrganization, givenName: string, surname: string): string {
  const domain = org.domains[0] ?? 'example.invalid';
  const local = formatLocalPart(org.emailStyle, givenName, surname);
  let email = `${local}@${domain}`;
  for (let n = 2; usedEmails.has(email); n++) email = `${local}${n}@${domain}`;
  usedEmails.add(email);
  return email;
}

export function buildCast(random: SeededRandom): Cast {
  const members: CastMember[] = [];
  const usedEmails = new Set<string>();
  const usedNames = new Set<string>();

  const addMember = (key: string, org: ScenarioOrganization, givenName: string, surname: string, jobTitle: string, department: string): void => {
    const email = claimEmail(usedEmails, org, givenName, surname);
    usedNames.add(`${givenName} ${surname}`);
    members.push({
      key,
      email,
      givenName,
      surname,
      displayName: formatDisplayName(org, givenName, surname),
      jobTitle,
      department,
      org,
      inTenant: org.inTenant,
      userId: org.inTenant ? deriveGuid(`user:${email}`) : null,
    });
  };

  for (const named of NAMED_PEOPLE) {
    addMember(named.key, requireOrg(named.org), named.givenName, named.surname, named.jobTitle, named.department);
  }
  for (const org of SCENARIO_ORGANIZATIONS) {
    for (let i = 0; i < org.extraPeople; i++) {
      let givenName: string;
      let surname: string;
      do {
        givenName = random.pick(GIVEN_NAMES);
        surname = random.pick(SURNAMES);
      } while (usedNames.has(`${givenName} ${surname}`));
      addMember(`${org.key}-${i + 1}`, org, givenName, surname, random.pick(org.titles), random.pick(org.departments));
    }
  }

  const byKey = new Map(members.map((member) => [member.key, member]));
  const byOrg = new Map<OrgKey, CastMember[]>();
  for (const member of members) {
    const list = byOrg.get(member.org.key) ?? [];
    list.push(member);
    byOrg.set(member.org.key, list);
  }
  return { members, byKey, byOrg, tenantMembers: members.filter((member) => member.inTenant) };
}

/** The member with this key; the cast is fixed, so a missing key is a programming error. */
export function requireMember(cast: Cast, key: string): CastMember {
  const member = cast.byKey.get(key);
  if (!member) throw new Error(`no cast member ${key}`);
  return member;
}

/** The name a person's mail shows at a given moment (Pat's changes with the promotion). */
export function displayNameAt(member: CastMember, isoTime: string): string {
  if (member.key === 'pat') {
    return isoTime < PAT_TITLE_CHANGE.at ? PAT_TITLE_CHANGE.displayNameBefore : PAT_TITLE_CHANGE.displayNameAfter;
  }
  return member.displayName;
}

/** The tenant's directory entries (Graph users) for the in-tenant members. */
export function toGraphUsers(cast: Cast): GraphUser[] {
  return cast.tenantMembers.map((member, index) => ({
    id: member.userId ?? deriveGuid(`user:${member.email}`),
    displayName: member.displayName,
    givenName: member.givenName,
    surname: member.surname,
    mail: member.email,
    userPrincipalName: member.email,
    jobTitle: member.jobTitle,
    department: member.department,
    companyName: member.org.name,
    officeLocation: member.org.officeLocation ?? null,
    businessPhones: [`${member.org.phonePrefix ?? '+1 360 555 09'}${String(10 + index).padStart(2, '0')}`],
  }));
}

/** The scenario's people list, as the tenant exposes it. */
export function toScenarioPeople(cast: Cast): ScenarioPerson[] {
  return cast.members.map((member) => ({
    email: member.email,
    displayName: member.key === 'pat' ? PAT_TITLE_CHANGE.displayNameAfter : member.displayName,
    givenName: member.givenName,
    surname: member.surname,
    jobTitle: member.jobTitle,
    department: member.department,
    organization: member.org.name,
    inTenant: member.inTenant,
    ...(member.key === 'pat' ? { titleChanges: [{ ...PAT_TITLE_CHANGE }] } : {}),
  }));
}

/** Titles for generated state staff (the state agencies of the base scenario have only named people). */
const STATE_STAFF_TITLES = ['Program Specialist', 'Management Analyst', 'Policy Analyst', 'Program Coordinator', 'Contracts Manager', 'Budget Analyst'];

export interface ExtendCastOptions {
  /** Extra tenant users (state staff with mailboxes), spread over the state agencies. */
  tenantMembers: number;
  /** Extra external people, spread over the partner organizations in proportion to their size. */
  externals: number;
}

/**
 * A larger cast for benchmarks: the base cast unchanged (same order, same addresses) followed by
 * generated people. Names stay unique; once the name pools run short, double surnames are used.
 */
export function extendCast(base: Cast, random: SeededRandom, options: ExtendCastOptions): Cast {
  const members = [...base.members];
  const usedEmails = new Set(members.map((member) => member.email));
  const usedNames = new Set(members.map((member) => `${member.givenName} ${member.surname}`));
  const pickName = (): { givenName: string; surname: string } => {
    for (let attempt = 0; attempt < 40; attempt++) {
      const givenName = random.pick(GIVEN_NAMES);
      const surname = random.pick(SURNAMES);
      if (!usedNames.has(`${givenName} ${surname}`)) return { givenName, surname };
    }
    for (;;) {
      const givenName = random.pick(GIVEN_NAMES);
      const surname = `${random.pick(SURNAMES)}-${random.pick(SURNAMES)}`;
      if (!usedNames.has(`${givenName} ${surname}`)) return { givenName, surname };
    }
  };
  const add = (key: string, org: ScenarioOrganization): void => {
    const { givenName, surname } = pickName();
    const email = claimEmail(usedEmails, org, givenName, surname);
    usedNames.add(`${givenName} ${surname}`);
    members.push({
      key,
      email,
      givenName,
      surname,
      displayName: formatDisplayName(org, givenName, surname),
      jobTitle: org.titles.length > 0 ? random.pick(org.titles) : random.pick(STATE_STAFF_TITLES),
      department: random.pick(org.departments),
      org,
      inTenant: org.inTenant,
      userId: org.inTenant ? deriveGuid(`user:${email}`) : null,
    });
  };
  const stateOrgs = SCENARIO_ORGANIZATIONS.filter((org) => org.inTenant);
  for (let i = 0; i < options.tenantMembers; i++) {
    const org = stateOrgs[i % stateOrgs.length]!;
    add(`${org.key}-staff-${Math.floor(i / stateOrgs.length) + 1}`, org);
  }
  const partners = SCENARIO_ORGANIZATIONS.filter((org) => !org.inTenant && org.extraPeople > 0);
  const partnerWeight = partners.reduce((sum, org) => sum + org.extraPeople, 0);
  let added = 0;
  for (const [index, org] of partners.entries()) {
    const share = index === partners.length - 1 ? options.externals - added : Math.round((options.externals * org.extraPeople) / partnerWeight);
    for (let i = 0; i < share; i++) add(`${org.key}-contact-${i + 1}`, org);
    added += share;
  }
  const byKey = new Map(members.map((member) => [member.key, member]));
  const byOrg = new Map<OrgKey, CastMember[]>();
  for (const member of members) {
    const list = byOrg.get(member.org.key) ?? [];
    list.push(member);
    byOrg.set(member.org.key, list);
  }
  return { members, byKey, byOrg, tenantMembers: members.filter((member) => member.inTenant) };
}
