// The fixed facts of the State of Cascadia demo scenario: organizations, the named cast
// (Jess, Dana, the working-group organizer, the person promoted mid-period), the pools the
// generator draws other people from, and the subjects government mail is about.
// Every domain here is fictional and absent from the real .gov registry (a test checks it).
import type { OrganizationKind } from '../../shared/domain/organization-kind.ts';

export const CASCADIA_TENANT_ID = '7c1f0e6a-3b7d-4c55-9a51-2f0c1d8e4b10';
export const CASCADIA_TENANT_NAME = 'State of Cascadia';
export const DEFAULT_SEED = 20261120;
export const DEFAULT_NOW = '2026-11-20T17:00:00Z';

export type OrgKey =
  | 'housing'
  | 'health'
  | 'dhs'
  | 'governor'
  | 'commerce'
  | 'orca'
  | 'kestrel'
  | 'portalder'
  | 'driftwood'
  | 'fernridge'
  | 'council'
  | 'federal'
  | 'tidewater'
  | 'northgate'
  | 'institute'
  | 'newsletter';

export interface ScenarioOrganization {
  key: OrgKey;
  name: string;
  kind: OrganizationKind;
  domains: string[];
  parent?: string;
  /** Mailboxes live in the tenant only for state agencies. */
  inTenant: boolean;
  /** Short tag used in government-style display names: "Morgan, Jess (HOUSING)". */
  tag?: string;
  /** How addresses are formed from a name. */
  emailStyle: 'first.last' | 'flast' | 'first' | 'lastf';
  /** How many generated (unnamed) people work there. */
  extraPeople: number;
  departments: string[];
  titles: string[];
  officeLocation?: string;
  phonePrefix?: string;
}

export const SCENARIO_ORGANIZATIONS: readonly ScenarioOrganization[] = [
  {
    key: 'housing', name: 'Cascadia Department of Housing', kind: 'state', domains: ['housing.cascadia.gov'],
    parent: 'State of Cascadia', inTenant: true, tag: 'HOUSING', emailStyle: 'first.last', extraPeople: 0,
    departments: ['Housing Stability Division'], titles: [], officeLocation: 'Capitol Campus, Building 4, Olmsted', phonePrefix: '+1 360 555 01',
  },
  {
    key: 'health', name: 'Cascadia Department of Health', kind: 'state', domains: ['health.cascadia.gov'],
    parent: 'State of Cascadia', inTenant: true, tag: 'DOH', emailStyle: 'first.last', extraPeople: 0,
    departments: ['Office of Community Health'], titles: [], officeLocation: 'Tumwater Health Center, Olmsted', phonePrefix: '+1 360 555 02',
  },
  {
    key: 'dhs', name: 'Cascadia Department of Human Services', kind: 'state', domains: ['dhs.cascadia.gov'],
    parent: 'State of Cascadia', inTenant: true, tag: 'DHS', emailStyle: 'first.last', extraPeople: 0,
    departments: ['Economic Services Administration'], titles: [], officeLocation: 'Blake Office Park, Olmsted', phonePrefix: '+1 360 555 03',
  },
  {
    key: 'governor', name: 'Office of the Governor of Cascadia', kind: 'state', domains: ['gov.cascadia.gov'],
    parent: 'State of Cascadia', inTenant: true, tag: 'GOV', emailStyle: 'first.last', extraPeople: 0,
    departments: ['Policy Office'], titles: [], officeLocation: 'Legislative Building, Olmsted', phonePrefix: '+1 360 555 04',
  },
  {
    key: 'commerce', name: 'Cascadia Department of Commerce', kind: 'state', domains: ['commerce.cascadia.gov'],
    parent: 'State of Cascadia', inTenant: true, tag: 'COM', emailStyle: 'first.last', extraPeople: 0,
    departments: ['Community Development Division'], titles: [], officeLocation: 'Commerce Building, Olmsted', phonePrefix: '+1 360 555 05',
  },
  {
    key: 'orca', name: 'Orca County', kind: 'county', domains: ['orcacounty-cascadia.gov', 'co.orca.cascadia.us'],
    inTenant: false, emailStyle: 'first.last', extraPeople: 21,
    departments: ['Human Services', 'Public Health', 'Sheriff’s Office', 'Community Development', 'County Executive'],
    titles: ['Program Coordinator', 'Case Manager', 'Housing Specialist', 'Outreach Worker', 'Budget Analyst', 'Deputy Director', 'Management Analyst'],
  },
  {
    key: 'kestrel', name: 'Kestrel County', kind: 'county', domains: ['kestrelcounty-cascadia.gov'],
    inTenant: false, emailStyle: 'flast', extraPeople: 19,
    departments: ['Department of Community Services', 'Public Health', 'Behavioral Health', 'County Administrator'],
    titles: ['Program Manager', 'Housing Navigator', 'Contracts Specialist', 'Data Analyst', 'Outreach Supervisor', 'Grants Manager'],
  },
  {
    key: 'portalder', name: 'City of Port Alder', kind: 'city', domains: ['portalder-cascadia.gov'],
    inTenant: false, emailStyle: 'flast', extraPeople: 17,
    departments: ['Housing & Human Services', 'Police Department', 'Parks & Recreation', 'Mayor’s Office', 'Planning'],
    titles: ['Senior Planner', 'Community Liaison', 'Homeless Outreach Officer', 'Policy Advisor', 'Program Analyst'],
  },
  {
    key: 'driftwood', name: 'Driftwood Harbor Shelter', kind: 'nonprofit', domains: ['driftwoodharbor.org'],
    inTenant: false, emailStyle: 'first', extraPeople: 13,
    departments: ['Shelter Operations', 'Development', 'Case Management'],
    titles: ['Shelter Manager', 'Case Manager', 'Volunteer Coordinator', 'Development Director', 'Night Supervisor'],
  },
  {
    key: 'fernridge', name: 'Fernridge Family Housing Collective', kind: 'nonprofit', domains: ['fernridgecollective.org'],
    inTenant: false, emailStyle: 'first.last', extraPeople: 13,
    departments: ['Programs', 'Rapid Rehousing', 'Finance'],
    titles: ['Program Director', 'Housing Locator', 'Finance Manager', 'Family Advocate', 'Landlord Liaison'],
  },
  {
    key: 'council', name: 'Regional Homelessness Council', kind: 'nonprofit', domains: ['rhcouncil.org'],
    inTenant: false, emailStyle: 'first.last', extraPeople: 11,
    departments: ['Staff', 'Continuum of Care'],
    titles: ['CoC Program Manager', 'Policy Director', 'Board Liaison', 'HMIS Administrator', 'Communications Manager'],
  },
  {
    key: 'federal', name: 'U.S. Office of Housing Stability, Northwest Region', kind: 'federal', domains: ['nw.ushousingstability.gov'],
    inTenant: false, emailStyle: 'first.last', extraPeople: 11,
    departments: ['Community Planning and Development', 'Grants Management'],
    titles: ['CPD Representative', 'Grants Officer', 'Senior Program Specialist', 'Field Office Director'],
  },
  {
    key: 'tidewater', name: 'Tidewater Analytics LLC', kind: 'private', domains: ['tidewateranalytics.com'],
    inTenant: false, emailStyle: 'flast', extraPeople: 9,
    departments: ['Public Sector Practice'], titles: ['Senior Consultant', 'Data Engineer', 'Account Manager', 'Principal'],
  },
  {
    key: 'northgate', name: 'Northgate Civic Consulting', kind: 'private', domains: ['northgatecivic.com'],
    inTenant: false, emailStyle: 'first', extraPeople: 8,
    departments: ['Advisory'], titles: ['Engagement Manager', 'Analyst', 'Partner'],
  },
  {
    key: 'institute', name: 'Cascadia Institute of Public Affairs', kind: 'education', domains: ['cipa-cascadia.edu'],
    inTenant: false, emailStyle: 'lastf', extraPeople: 5,
    departments: ['Center for Housing Research'], titles: ['Research Associate', 'Professor', 'Graduate Researcher'],
  },
  {
    key: 'newsletter', name: 'Civic Housing Weekly', kind: 'private', domains: ['civichousingweekly.com'],
    inTenant: false, emailStyle: 'first', extraPeople: 0, departments: [], titles: [],
  },
];

export interface NamedPerson {
  key: string;
  org: OrgKey;
  givenName: string;
  surname: string;
  jobTitle: string;
  department: string;
}

/** The cast: every tenant mailbox owner, plus the external people the story needs by name. */
export const NAMED_PEOPLE: readonly NamedPerson[] = [
  { key: 'dana', org: 'housing', givenName: 'Dana', surname: 'Reyes', jobTitle: 'Senior Policy Analyst', department: 'Housing Stability Division' },
  { key: 'jess', org: 'housing', givenName: 'Jess', surname: 'Morgan', jobTitle: 'Homelessness Programs Manager', department: 'Housing Stability Division' },
  { key: 'marcus', org: 'housing', givenName: 'Marcus', surname: 'Lee', jobTitle: 'Deputy Director, Housing Stability', department: 'Housing Stability Division' },
  { key: 'priya', org: 'housing', givenName: 'Priya', surname: 'Nair', jobTitle: 'Grants Coordinator', department: 'Housing Stability Division' },
  { key: 'tom', org: 'housing', givenName: 'Tom', surname: 'Whitaker', jobTitle: 'HMIS Data Analyst', department: 'Housing Stability Division' },
  { key: 'kevin', org: 'housing', givenName: 'Kevin', surname: 'Tran', jobTitle: 'Communications Specialist', department: 'Director’s Office' },
  { key: 'alicia', org: 'health', givenName: 'Alicia', surname: 'Brandt', jobTitle: 'Public Health Housing Liaison', department: 'Office of Community Health' },
  { key: 'omar', org: 'health', givenName: 'Omar', surname: 'Haddad', jobTitle: 'Epidemiologist', department: 'Office of Community Health' },
  { key: 'grace', org: 'health', givenName: 'Grace', surname: 'Kim', jobTitle: 'Behavioral Health Program Manager', department: 'Division of Behavioral Health' },
  { key: 'luis', org: 'dhs', givenName: 'Luis', surname: 'Ortega', jobTitle: 'Benefits Outreach Supervisor', department: 'Economic Services Administration' },
  { key: 'hannah', org: 'dhs', givenName: 'Hannah', surname: 'Cho', jobTitle: 'Family Services Program Lead', department: 'Children and Family Services' },
  { key: 'nora', org: 'governor', givenName: 'Nora', surname: 'Feld', jobTitle: 'Senior Policy Advisor, Housing & Human Services', department: 'Policy Office' },
  { key: 'ben', org: 'governor', givenName: 'Ben', surname: 'Adeyemi', jobTitle: 'Legislative Liaison', department: 'Legislative Affairs' },
  { key: 'sarah', org: 'commerce', givenName: 'Sarah', surname: 'Lindqvist', jobTitle: 'Community Development Specialist', department: 'Community Development Division' },
  { key: 'renee', org: 'kestrel', givenName: 'Renee', surname: 'Castillo', jobTitle: 'Homelessness Response Coordinator', department: 'Department of Community Services' },
  { key: 'pat', org: 'orca', givenName: 'Pat', surname: 'Okafor', jobTitle: 'Director', department: 'Human Services' },
  { key: 'chris', org: 'portalder', givenName: 'Chris', surname: 'Nakamura', jobTitle: 'Housing & Human Services Manager', department: 'Housing & Human Services' },
  { key: 'sam', org: 'driftwood', givenName: 'Sam', surname: 'Delgado', jobTitle: 'Shelter Director', department: 'Shelter Operations' },
  { key: 'ada', org: 'fernridge', givenName: 'Ada', surname: 'Whitfield', jobTitle: 'Executive Director', department: 'Programs' },
  { key: 'miriam', org: 'council', givenName: 'Miriam', surname: 'Boateng', jobTitle: 'Executive Director', department: 'Staff' },
  { key: 'elaine', org: 'federal', givenName: 'Elaine', surname: 'Porter', jobTitle: 'Regional Program Officer', department: 'Community Planning and Development' },
  { key: 'walt', org: 'kestrel', givenName: 'Walt', surname: 'Brennan', jobTitle: 'County Commissioner', department: 'Board of Commissioners' },
  { key: 'ines', org: 'tidewater', givenName: 'Ines', surname: 'Marchetti', jobTitle: 'Principal', department: 'Public Sector Practice' },
];

/** Pat Okafor is promoted partway through the period; mail shows it only in the display name. */
export const PAT_TITLE_CHANGE = {
  at: '2026-08-17T15:00:00Z',
  from: 'Program Manager',
  to: 'Director',
  displayNameBefore: 'Pat Okafor - Program Manager',
  displayNameAfter: 'Pat Okafor - Director',
} as const;

export const GIVEN_NAMES = [
  'Aaron', 'Abigail', 'Adrian', 'Aisha', 'Alan', 'Amara', 'Andre', 'Angela', 'Bianca', 'Brandon', 'Caleb', 'Carmen',
  'Cecilia', 'Darius', 'Delia', 'Derek', 'Elena', 'Emeka', 'Erin', 'Felix', 'Fiona', 'Gabriel', 'Gwen', 'Hector',
  'Imani', 'Isaac', 'Jamal', 'Janelle', 'Jonah', 'Julia', 'Kai', 'Keisha', 'Lena', 'Leon', 'Lila', 'Malik', 'Mara',
  'Mateo', 'Megan', 'Mei', 'Nadia', 'Naveen', 'Olivia', 'Oscar', 'Paula', 'Quinn', 'Rafael', 'Rosa', 'Ruth', 'Sean',
  'Sofia', 'Tariq', 'Tessa', 'Theo', 'Uma', 'Victor', 'Wendy', 'Xavier', 'Yara', 'Zoe',
] as const;

export const SURNAMES = [
  'Abbott', 'Alvarez', 'Baker', 'Banerjee', 'Bishop', 'Castro', 'Chen', 'Coleman', 'Dawson', 'Diaz', 'Eriksen', 'Fischer',
  'Foster', 'Garcia', 'Greene', 'Gupta', 'Hale', 'Hoang', 'Ibrahim', 'Jensen', 'Kaur', 'Keller', 'Larsen', 'Lopez',
  'Mahoney', 'Mendez', 'Moreau', 'Novak', 'Obi', 'Olsen', 'Park', 'Patel', 'Quintero', 'Ramirez', 'Rasmussen', 'Santos',
  'Schmidt', 'Silva', 'Sorensen', 'Sullivan', 'Tanaka', 'Torres', 'Underwood', 'Vance', 'Vasquez', 'Walsh', 'Wong',
  'Yamada', 'Young', 'Zhang',
] as const;

export interface MailTopic {
  subject: string;
  /** Organizations whose people take part. */
  orgs: readonly OrgKey[];
  weight: number;
}

export const MAIL_TOPICS: readonly MailTopic[] = [
  { subject: 'Point-in-Time count volunteer schedule', orgs: ['housing', 'orca', 'kestrel', 'driftwood', 'portalder'], weight: 3 },
  { subject: 'CoC NOFO draft', orgs: ['housing', 'council', 'orca', 'kestrel', 'federal'], weight: 3 },
  { subject: 'HMIS data quality report', orgs: ['housing', 'tidewater', 'orca', 'kestrel', 'council'], weight: 2 },
  { subject: 'Emergency shelter bed availability', orgs: ['housing', 'driftwood', 'fernridge', 'dhs'], weight: 2 },
  { subject: 'Medicaid housing supports waiver – comments', orgs: ['housing', 'health', 'dhs', 'governor'], weight: 2 },
  { subject: 'Encampment outreach coordination', orgs: ['portalder', 'orca', 'health', 'housing'], weight: 2 },
  { subject: 'Rapid rehousing contract amendment', orgs: ['housing', 'fernridge', 'northgate'], weight: 2 },
  { subject: 'Legislative session briefing: housing bills', orgs: ['governor', 'housing', 'commerce'], weight: 2 },
  { subject: 'Winter weather shelter activation plan', orgs: ['housing', 'driftwood', 'orca', 'kestrel', 'portalder', 'health'], weight: 2 },
  { subject: 'ESG-CV closeout reporting', orgs: ['housing', 'federal', 'orca', 'kestrel'], weight: 2 },
  { subject: 'Youth homelessness demonstration grant', orgs: ['housing', 'dhs', 'council'], weight: 1 },
  { subject: 'Budget request – permanent supportive housing', orgs: ['housing', 'governor', 'commerce'], weight: 2 },
  { subject: 'Coordinated entry assessment update', orgs: ['housing', 'orca', 'kestrel', 'driftwood', 'fernridge'], weight: 2 },
  { subject: 'Site visit: Driftwood Harbor Shelter', orgs: ['housing', 'driftwood'], weight: 1 },
  { subject: 'Housing First evaluation RFP', orgs: ['housing', 'institute', 'tidewater'], weight: 1 },
  { subject: 'Data sharing agreement – Health/Housing', orgs: ['health', 'housing'], weight: 2 },
  { subject: 'Regional council agenda items', orgs: ['council', 'housing', 'orca', 'kestrel', 'portalder'], weight: 2 },
  { subject: 'Consolidated Plan public comment summary', orgs: ['housing', 'commerce', 'portalder'], weight: 1 },
  { subject: 'Recovery housing capacity survey', orgs: ['health', 'housing', 'kestrel', 'fernridge'], weight: 1 },
  { subject: 'SNAP outreach at shelters', orgs: ['dhs', 'driftwood', 'fernridge', 'housing'], weight: 1 },
  { subject: 'Heat response cooling centers', orgs: ['health', 'portalder', 'orca', 'housing'], weight: 1 },
  { subject: 'Interagency agreement signature routing', orgs: ['housing', 'health', 'dhs', 'commerce'], weight: 1 },
  { subject: 'Quarterly performance measures', orgs: ['housing', 'governor', 'tidewater'], weight: 1 },
  { subject: 'Landlord incentive program', orgs: ['housing', 'fernridge', 'portalder', 'commerce'], weight: 1 },
];

/** Subjects Dana and Jess write to each other about. */
export const TEAM_SUBJECTS = [
  'Talking points for Thursday',
  'Draft memo: shelter capacity',
  'Can you review the grant narrative?',
  'Notes from the county call',
  'Updated contact list for providers',
  'Agenda for our 1:1',
  'Travel authorization – Port Alder visit',
  'Numbers for the Governor’s office',
  'Quick question on the HMIS extract',
  'Board packet for the council',
  'Follow-up: Health coordination actions',
  'Working group notes',
] as const;

export const MAILING_LIST = { address: 'housing-partners@lists.cascadia.gov', name: 'Housing Partners (Cascadia)' } as const;
export const NEWSLETTER_SENDER = { address: 'editor@civichousingweekly.com', name: 'Civic Housing Weekly' } as const;
export const NO_REPLY_SENDERS = [
  { address: 'no-reply@hmis.cascadia.gov', name: 'Cascadia HMIS', subject: 'HMIS nightly data quality alert' },
  { address: 'no-reply@grants.ushousingstability.gov', name: 'OHS Grants Portal', subject: 'Grant drawdown request received' },
  { address: 'no-reply@housing.cascadia.gov', name: 'Housing IT Service Desk', subject: 'Your ticket has been updated' },
] as const;
