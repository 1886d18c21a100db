// What an Outlook contact or a Graph people entry says about each of its addresses, as
// ContactFacts for the merge path (merge-person.ts, mergeContact). Pure. Only work facts: a
// business phone (never home or mobile), and no name — a contact's name is the owner's label
// for someone, so a person's name keeps coming from the directory and their own mail.
import { normalizeEmail } from '../../../../shared/domain/email-address.ts';
import type { GraphContactMetadata, GraphPersonMetadata } from '../../graph/address-book-requests.ts';
import type { ContactFacts, ProfileFacts } from '../merge-person.ts';

function firstText(values: readonly (string | null | undefined)[] | null | undefined): string | null {
  return values?.map((value) => value?.trim()).find((value): value is string => Boolean(value)) ?? null;
}

function looksLikeAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

function spread(addresses: readonly (string | null | undefined)[], facts: ProfileFacts): ContactFacts[] {
  const emails = [...new Set(addresses.map((address) => address?.trim()).filter((address): address is string => Boolean(address) && looksLikeAddress(address!)).map(normalizeEmail))];
  const hasFacts = Object.values(facts).some((value) => typeof value === 'string' && value.trim());
  return hasFacts ? emails.map((email) => ({ email, ...facts })) : [];
}

/** One entry per address of the contact (a person with a work and a second address is one person). */
export function readContactFacts(contact: GraphContactMetadata): ContactFacts[] {
  return spread(contact.emailAddresses?.map((entry) => entry.address) ?? [], {
    title: contact.jobTitle ?? null,
    company: contact.companyName ?? null,
    department: contact.department ?? null,
    phone: firstText(contact.businessPhones),
    office: contact.officeLocation ?? null,
  });
}

/**
 * One entry per address of a person in the people list. Groups and distribution lists say
 * nothing about a person, and colleagues are read from the directory itself (sync-directory.ts).
 */
export function readPersonFacts(person: GraphPersonMetadata): ContactFacts[] {
  if (person.personType?.class && person.personType.class !== 'Person') return [];
  if (person.personType?.subclass === 'OrganizationUser') return [];
  return spread(person.scoredEmailAddresses?.map((entry) => entry.address) ?? [], {
    title: person.jobTitle ?? null,
    company: person.companyName ?? null,
    department: person.department ?? null,
    phone: firstText(person.phones?.filter((phone) => phone.type === 'business').map((phone) => phone.number)),
    office: person.officeLocation ?? null,
  });
}
