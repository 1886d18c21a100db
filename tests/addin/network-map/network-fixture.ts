// A small ego network as the API answers it: Jess at the center, her agency, her initiative,
// Dana and Marcus who know her, Sam (a co-member at a nonprofit), Alicia (Dana's contact at
// another agency) and Pat (a weak contact of Marcus at a county).
import type { EgoNetwork, NetworkEdge, NetworkNode } from '../../../shared/api/network-routes.ts';

const person = (id: string, label: string, level: number, extra: Partial<NetworkNode> = {}): NetworkNode => ({
  id: `person:${id}`,
  kind: 'person',
  label,
  detail: null,
  level,
  email: `${id}@example.gov`,
  personId: id,
  ...extra,
});

const knows = (a: string, b: string, strength: number, strengthLabel: NetworkEdge['strengthLabel']): NetworkEdge => ({ source: a, target: b, kind: 'knows', strength, strengthLabel, role: null });
const member = (a: string, b: string, role: string): NetworkEdge => ({ source: a, target: b, kind: 'member', strength: null, strengthLabel: null, role });
const worksAt = (a: string, b: string): NetworkEdge => ({ source: a, target: b, kind: 'works-at', strength: null, strengthLabel: null, role: null });

export const jessNetwork: EgoNetwork = {
  centerId: 'person:jess',
  depth: 2,
  nodes: [
    person('jess', 'Jess Morgan', 0, { detail: 'Program Director', organization: 'Cascadia Department of Housing', organizationKind: 'state' }),
    { id: 'organization:housing', kind: 'organization', label: 'Cascadia Department of Housing', detail: 'State agency', level: 1, organizationKind: 'state' },
    { id: 'group:hri', kind: 'group', label: 'Homelessness Reduction Initiative', detail: 'Initiative', level: 1, groupId: 'hri', groupKind: 'initiative' },
    person('dana', 'Dana Reyes', 1, { organizationKind: 'state', organization: 'Cascadia Department of Housing' }),
    person('marcus', 'Marcus Lee', 1, { organizationKind: 'state', organization: 'Cascadia Department of Housing' }),
    person('sam', 'Sam Ortiz', 2, { organizationKind: 'nonprofit', organization: 'Fernridge Collective' }),
    person('alicia', 'Alicia Brandt', 2, { organizationKind: 'state', organization: 'Cascadia Public Health' }),
    person('pat', 'Pat Okafor', 2, { organizationKind: 'county', organization: 'Orca County' }),
  ],
  edges: [
    worksAt('person:jess', 'organization:housing'),
    worksAt('person:dana', 'organization:housing'),
    worksAt('person:marcus', 'organization:housing'),
    member('person:jess', 'group:hri', 'lead'),
    member('person:sam', 'group:hri', 'member'),
    knows('person:dana', 'person:jess', 72, 'Strong'),
    knows('person:jess', 'person:marcus', 30, 'Moderate'),
    knows('person:alicia', 'person:dana', 55, 'Strong'),
    knows('person:marcus', 'person:pat', 10, 'Weak'),
  ],
  totalNodes: 8,
  truncated: false,
};
