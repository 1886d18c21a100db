// Looks up every participant of a message through the lookup route: one request for a
// normal message, split only when a thread has more addresses than the route accepts.
import { lookupRoute, MAX_LOOKUP_EMAILS } from '../../../../shared/api/routes.ts';
import type { PersonCard } from '../../../../shared/domain/person-card.ts';
import type { ApiClient } from '../../api/api-client.ts';

export async function lookupPeople(options: { client: ApiClient; emails: string[]; signal?: AbortSignal }): Promise<PersonCard[]> {
  const batches: string[][] = [];
  for (let start = 0; start < options.emails.length; start += MAX_LOOKUP_EMAILS) {
    batches.push(options.emails.slice(start, start + MAX_LOOKUP_EMAILS));
  }
  const responses = await Promise.all(
    batches.map((emails) => options.client.callRoute(lookupRoute, { emails }, { signal: options.signal })),
  );
  return responses.flatMap((response) => response.people);
}
