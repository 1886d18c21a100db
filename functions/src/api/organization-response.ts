// An organization as the API answers with it: the card's summary fields plus every domain
// that resolves to it and who changed it last.
import type { Organization } from '../../../shared/api/organization-routes.ts';
import type { OrganizationView } from '../enrichment/organizations/describe-organization.ts';
import type { OverrideDocument } from '../enrichment/organizations/plan-organization-changes.ts';
import { summarizeFacts } from '../enrichment/resolve-organization.ts';

export function toOrganizationResponse(view: OrganizationView): Organization {
  const stored = view.entry as Partial<OverrideDocument> | null;
  return {
    ...summarizeFacts(view.facts, view.id),
    id: view.id,
    domains: view.domains,
    ...(stored?.updatedBy ? { updatedBy: stored.updatedBy } : {}),
    ...(stored?.updatedAt ? { updatedAt: stored.updatedAt } : {}),
    ...(stored?.history ? { history: stored.history } : {}),
  };
}
