// The network map's route: the ego network of one person or group — the people, organizations
// and groups around them, with relationship strength as edge weight. Aggregates only: a
// strength, a role, an organization; never a subject or an interaction from anyone's mailbox.
import { z } from 'zod';
import { emailSchema } from '../domain/email-address.ts';
import { groupKindSchema, idSchema } from '../domain/group.ts';
import { organizationKindSchema } from '../domain/organization-kind.ts';
import { strengthLabelSchema } from '../domain/person-card.ts';
import { defineRoute } from './define-route.ts';

/** The most nodes one answer carries: what the map stays readable at. */
export const NETWORK_MAX_NODES = 500;
export const NETWORK_DEFAULT_NODES = 250;
export const NETWORK_MAX_DEPTH = 2;

export const networkNodeKinds = ['person', 'organization', 'group'] as const;
export const networkNodeKindSchema = z.enum(networkNodeKinds);
export type NetworkNodeKind = z.infer<typeof networkNodeKindSchema>;

/** knows: relationship strength between a mailbox owner and a contact; member: a role in a group; works-at: a person's organization. */
export const networkEdgeKinds = ['knows', 'member', 'works-at'] as const;
export const networkEdgeKindSchema = z.enum(networkEdgeKinds);
export type NetworkEdgeKind = z.infer<typeof networkEdgeKindSchema>;

/** A query-string number: "2" is 2; anything else is refused with the range it must be in. */
const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

export const networkQuerySchema = z
  .object(
    {
      /** The person at the center, by id (a group member's personId). */
      personId: idSchema.optional(),
      /** The person at the center, by address (what a card knows). */
      email: emailSchema.optional(),
      /** The group at the center. */
      groupId: idSchema.optional(),
      /** 1: the center's own ties; 2: also their ties' ties. */
      depth: wholeNumber(1, NETWORK_MAX_DEPTH).default(NETWORK_MAX_DEPTH),
      limit: wholeNumber(1, NETWORK_MAX_NODES).default(NETWORK_DEFAULT_NODES),
    },
    { error: 'must be query-string parameters' },
  )
  .refine((query) => [query.personId, query.email, query.groupId].filter((value) => value !== undefined).length === 1, {
    error: 'name exactly one of personId, email or groupId',
    path: ['personId'],
  });
export type NetworkQuery = z.input<typeof networkQuerySchema>;

export const networkNodeSchema = z.object({
  /** Opaque and stable within the answer: "person:…", "organization:…", "group:…". */
  id: z.string(),
  kind: networkNodeKindSchema,
  label: z.string(),
  /** A person's title, an organization's or group's kind, e.g. "State agency". */
  detail: z.string().nullable(),
  /** Steps from the center: 0 is the center. */
  level: z.number().int().min(0).max(NETWORK_MAX_DEPTH),
  /** People: their address and person id (to open their own map). */
  email: z.string().optional(),
  personId: z.string().optional(),
  /** Groups: the group id (to open its map). */
  groupId: z.string().optional(),
  groupKind: groupKindSchema.optional(),
  /** Organizations: their kind; people: their organization's kind (for the organization-kind filter). */
  organizationKind: organizationKindSchema.optional(),
  /** People: their organization's name (its node may be beyond the depth asked for). */
  organization: z.string().optional(),
});
export type NetworkNode = z.infer<typeof networkNodeSchema>;

export const networkEdgeSchema = z.object({
  source: z.string(),
  target: z.string(),
  kind: networkEdgeKindSchema,
  /** knows: the relationship strength 0–100 (the strongest of the two sides when both are mailbox owners); null otherwise. */
  strength: z.number().int().min(0).max(100).nullable(),
  strengthLabel: strengthLabelSchema.nullable(),
  /** member: the role, e.g. "Board member". */
  role: z.string().nullable(),
});
export type NetworkEdge = z.infer<typeof networkEdgeSchema>;

export const egoNetworkSchema = z.object({
  centerId: z.string(),
  depth: z.number().int(),
  nodes: z.array(networkNodeSchema),
  edges: z.array(networkEdgeSchema),
  /** How many nodes there were before the limit; more than nodes.length when the answer was cut. */
  totalNodes: z.number().int(),
  truncated: z.boolean(),
});
export type EgoNetwork = z.infer<typeof egoNetworkSchema>;

/** GET /api/network?personId=…|email=…|groupId=…&depth=1|2&limit=1…500 */
export const networkRoute = defineRoute({
  name: 'readNetwork',
  method: 'GET',
  path: 'network',
  authenticated: true,
  body: z.unknown(),
  query: networkQuerySchema,
  response: egoNetworkSchema,
});

export const networkRoutes = [networkRoute] as const;
