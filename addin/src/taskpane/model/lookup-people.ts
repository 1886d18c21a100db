// Looks up every participant of a message through the lookup route: one request for a
// normal message, split only when a thread has more addresses than the route accepts. The
// display names go along for the first-contact checks (a name carrying another address, a
// government name from free mail). An address the API would refuse (not an email address at
// all) is not sent: it is answered here as unknown, so one odd recipient cannot fail the pane.
import { lookupRoute, MAX_LOOKUP_EMAILS } from '../../../../shared/api/routes.ts';
import { emailSchema } from '../../../../shared/domain/email-address.ts';
import type { PersonCard } from '../../../../shared/domain/person-card.ts';
import type { SenderSafety } from '../../../../shared/domain/sender-safety.ts';
import type { ApiClient } from '../../api/api-client.ts';

export interface LookupAnswer {
  people: PersonCard[];
  /** First contact and safety, per unknown or suspicious address (absent from older APIs). */
  safety?: SenderSafety[];
}

export interface LookupRequest {
  email: string;
  /** The display name as the message shows it. */
  name?: string;
}

export async function lookupPeople(options: { client: ApiClient; people: readonly LookupRequest[]; signal?: AbortSignal }): Promise<LookupAnswer> {
  const valid = options.people.filter((person) => emailSchema.safeParse(person.email).success);
  const refused = options.people.filter((person) => !valid.includes(person));
  const batches: LookupRequest[][] = [];
  for (let start = 0; start < valid.length; start += MAX_LOOKUP_EMAILS) batches.push(valid.slice(start, start + MAX_LOOKUP_EMAILS));
  const responses = await Promise.all(
    batches.map((batch) => {
      const names = batch.filter((person) => person.name && person.name !== person.email).map((person) => ({ email: person.email, name: person.name!.slice(0, 320) }));
      return options.client.callRoute(lookupRoute, { emails: batch.map((person) => person.email), ...(names.length > 0 ? { names } : {}) }, { signal: options.signal });
    }),
  );
  return {
    people: [...responses.flatMap((response) => response.people), ...refused.map((person): PersonCard => ({ email: person.email, known: false }))],
    safety: responses.flatMap((response) => response.safety ?? []),
  };
}
