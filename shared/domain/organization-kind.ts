// The kinds of organization public servants deal with, and how each is labelled on a card.
import { z } from 'zod';

export const organizationKinds = [
  'federal',
  'state',
  'county',
  'city',
  'tribal',
  'special-district',
  'school-district',
  'interstate',
  'education',
  'military',
  'nonprofit',
  'private',
  'unknown',
] as const;

export const organizationKindSchema = z.enum(organizationKinds);
export type OrganizationKind = z.infer<typeof organizationKindSchema>;

const labels: Record<OrganizationKind, string> = {
  federal: 'Federal agency',
  state: 'State agency',
  county: 'County',
  city: 'City',
  tribal: 'Tribal government',
  'special-district': 'Special district',
  'school-district': 'School district',
  interstate: 'Interstate body',
  education: 'Education',
  military: 'Military',
  nonprofit: 'Nonprofit',
  private: 'Private company',
  unknown: 'Organization',
};

export function labelOrganizationKind(kind: OrganizationKind): string {
  return labels[kind];
}
