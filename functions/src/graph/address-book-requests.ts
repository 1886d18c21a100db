// The two address-book requests Crosswalk makes of a mailbox, and the shapes that come back:
// the owner's Outlook contacts (default Contacts folder) and their Graph people list. Only work
// facts are selected — title, organization, department, business phones, office, addresses —
// never the contact's name as the owner typed it, notes, home or mobile phones, birthday,
// addresses at home, relatives or categories (docs/PRIVACY.md, "Contacts and Graph people").

/** Contact fields read (Graph `contact`); everything else on a contact is never requested. */
export const CONTACT_SELECT = ['jobTitle', 'companyName', 'department', 'officeLocation', 'businessPhones', 'emailAddresses'] as const;

/** People fields read (Graph `person`); `personType` tells people from groups and lists. */
export const PERSON_SELECT = ['jobTitle', 'companyName', 'department', 'officeLocation', 'phones', 'scoredEmailAddresses', 'personType'] as const;

/** Contacts and people per page (both accept $top up to 1000; pages stay small and cheap). */
export const ADDRESS_BOOK_PAGE_SIZE = 100;

export interface GraphContactMetadata {
  id: string;
  jobTitle?: string | null;
  companyName?: string | null;
  department?: string | null;
  officeLocation?: string | null;
  businessPhones?: string[] | null;
  emailAddresses?: { name?: string | null; address?: string | null }[] | null;
}

export interface GraphPersonMetadata {
  id: string;
  jobTitle?: string | null;
  companyName?: string | null;
  department?: string | null;
  officeLocation?: string | null;
  phones?: { type?: string | null; number?: string | null }[] | null;
  scoredEmailAddresses?: { address?: string | null }[] | null;
  personType?: { class?: string | null; subclass?: string | null } | null;
}

/** The first page of the owner's contacts; later pages follow @odata.nextLink. */
export function buildContactsUrl(userId: string): string {
  return `/users/${encodeURIComponent(userId)}/contacts?$select=${CONTACT_SELECT.join(',')}&$top=${ADDRESS_BOOK_PAGE_SIZE}`;
}

/** The first page of the owner's people, most relevant first; later pages follow @odata.nextLink. */
export function buildPeopleUrl(userId: string): string {
  return `/users/${encodeURIComponent(userId)}/people?$select=${PERSON_SELECT.join(',')}&$top=${ADDRESS_BOOK_PAGE_SIZE}`;
}
