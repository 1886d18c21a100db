// POST /api/lookup: the cards of every participant of the open message, in one request.
import type { RouteResponse } from '../../../shared/api/define-route.ts';
import type { lookupRoute } from '../../../shared/api/routes.ts';
import { AppError } from '../errors/app-error.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';
import { buildPersonCard } from './build-person-card.ts';

export async function handleLookup(
  services: ApiServices,
  input: HandlerInput<{ emails: string[] }>,
): Promise<RouteResponse<typeof lookupRoute>> {
  if (!input.identity) throw new AppError('unauthenticated', 'sign-in required');
  const { tenantId, userPrincipalName: owner } = input.identity;
  const emails = [...new Set(input.body.emails)];
  const { people, groups, edges } = services.repositories;
  const [persons, memberships, ownEdges] = await Promise.all([
    people.findByEmails(tenantId, emails),
    groups.findMembershipsForPeople(tenantId, emails),
    edges.findForOwner(tenantId, owner, emails),
  ]);
  const personByEmail = new Map(persons.map((p) => [p.email, p]));
  const edgeByEmail = new Map(ownEdges.map((e) => [e.contactEmail, e]));
  return {
    people: emails.map((email) =>
      buildPersonCard(
        email,
        personByEmail.get(email),
        memberships.filter((m) => m.email === email),
        edgeByEmail.get(email),
      ),
    ),
  };
}
