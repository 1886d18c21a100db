// The suggestions API on real parts (token issuer, Cosmos SDK against the stand-in, local host),
// fed by tenant enrichment over a small hand-built ledger: list, accept with a rename (the group
// exists with its members), dismiss (and it stays dismissed when enrichment runs again),
// validation that names the field, and another tenant's suggestion answering 404.
import { DEMO_TENANT_ID } from '../../dev/token-issuer.ts';
import { makeOwnerKey } from '../../functions/src/mining/mine-message.ts';
import { enrichTenant } from '../../functions/src/sync/enrich-tenant.ts';
import type { Interaction, InteractionParticipant } from '../../shared/domain/interaction.ts';
import type { Suggestion } from '../../shared/domain/suggestion.ts';
import { startApiOnly, type ApiOnly } from '../helpers/start-api-only.ts';

const TENANT = DEMO_TENANT_ID;
const OTHER_TENANT = '5d0c7f3e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const DANA = 'dana.reyes@housing.cascadia.gov';
const JESS = 'jess.morgan@housing.cascadia.gov';
const NOW = new Date('2026-11-20T17:00:00Z');

let api: ApiOnly;

function email(n: number, options: { from: string; to: string[]; thread: string; week: number }): Interaction {
  const participants: InteractionParticipant[] = [
    { email: options.from, displayName: '', role: 'from' },
    ...options.to.map((address): InteractionParticipant => ({ email: address, displayName: '', role: 'to' })),
  ];
  return {
    id: `suggestions-test-${n}`,
    tenantId: TENANT,
    ownerKey: makeOwnerKey(TENANT, JESS),
    ownerEmail: JESS,
    kind: 'email',
    at: new Date(Date.UTC(2026, 5, 1, 10) + options.week * 7 * 86_400_000).toISOString(),
    direction: options.from === JESS ? 'sent' : 'received',
    subject: 'Coordination',
    threadId: options.thread,
    seriesKey: null,
    meetingKey: null,
    participants,
    bulk: false,
    cancelled: false,
    source: { folder: 'inbox', graphId: `g${n}` },
  };
}

/** Two stable cross-organization recipient sets (two working-group suggestions) and a mailing list. */
function buildLedger(): Interaction[] {
  const ledger: Interaction[] = [];
  let n = 0;
  for (let week = 0; week < 6; week++) {
    ledger.push(email(++n, { from: JESS, to: ['pat@orca.example', 'sam@driftwood.example'], thread: `a${week}`, week }));
    ledger.push(email(++n, { from: 'pat@orca.example', to: [JESS, 'sam@driftwood.example'], thread: `a${week}`, week }));
    ledger.push(email(++n, { from: JESS, to: ['lee@kestrel.example', 'ada@fernridge.example', 'eli@federal.example'], thread: `b${week}`, week }));
    ledger.push(email(++n, { from: 'chris@portalder.example', to: ['partners@lists.cascadia.gov'], thread: `l${week}`, week }));
  }
  return ledger;
}

async function enrich(): Promise<void> {
  await enrichTenant({ repositories: api.repositories, now: () => NOW }, TENANT, []);
}

async function call(method: string, path: string, options: { tenantId?: string; user?: string; body?: unknown } = {}) {
  const token = await api.issuer.issueToken({ user: options.user ?? DANA, tenantId: options.tenantId ?? TENANT });
  const response = await fetch(`${api.apiUrl}/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function listSuggestions(): Promise<Suggestion[]> {
  const { status, body } = await call('GET', 'suggestions');
  expect(status, JSON.stringify(body)).toBe(200);
  return body.suggestions as Suggestion[];
}

beforeAll(async () => {
  api = await startApiOnly();
  await api.repositories.interactions.upsertMany(buildLedger());
  await api.repositories.syncState.save({
    tenantId: TENANT,
    ownerEmail: JESS,
    resource: 'messages',
    nextLink: null,
    deltaLink: null,
    lastSuccessAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  });
  await enrich();
});
afterAll(() => api?.close());

describe('suggestions API', () => {
  it('lists working groups found in mail and the mailing list, with counts and evidence', async () => {
    const suggestions = await listSuggestions();
    const groups = suggestions.filter((s) => s.kind === 'working-group');
    // The busier group (more mail on its threads) comes first.
    expect(groups.map((s) => s.members.map((m) => m.email).sort())).toEqual([
      [JESS, 'pat@orca.example', 'sam@driftwood.example'].sort(),
      ['ada@fernridge.example', 'eli@federal.example', JESS, 'lee@kestrel.example'].sort(),
    ]);
    expect(groups.find((s) => s.people === 3)).toMatchObject({ threads: 6, status: 'open', since: '2026-06-01T10:00:00.000Z' });
    expect(groups.find((s) => s.people === 3)!.evidence).toBe('Looks like a working group: 3 people from 3 organizations on 6 threads over 6 weeks since June');
    expect(suggestions.filter((s) => s.kind === 'distribution-list').map((s) => s.name)).toEqual(['partners@lists.cascadia.gov']);
  });

  it('accepts a suggestion under a new name: the group exists with its people as inferred members, and enrichment keeps them', async () => {
    const suggestion = (await listSuggestions()).find((s) => s.kind === 'working-group' && s.people === 3)!;
    const { status, body } = await call('POST', `suggestions/${suggestion.id}/accept`, { body: { name: 'Shelter coordination' } });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.group).toMatchObject({ name: 'Shelter coordination', kind: 'working-group', source: 'accepted-suggestion' });
    expect(body.suggestion).toMatchObject({ status: 'accepted', decidedBy: DANA, groupId: body.group.id });
    const members = async () => (await api.repositories.groups.listGroupMemberships(TENANT, body.group.id)).map((m) => [m.email, m.source, m.groupName]);
    expect(await members()).toEqual([JESS, 'pat@orca.example', 'sam@driftwood.example'].sort().map((e) => [e, 'inferred', 'Shelter coordination']));
    expect((await listSuggestions()).some((s) => s.id === suggestion.id)).toBe(false);
    await enrich();
    expect(await members()).toEqual([JESS, 'pat@orca.example', 'sam@driftwood.example'].sort().map((e) => [e, 'inferred', 'Shelter coordination']));
    const again = await call('POST', `suggestions/${suggestion.id}/accept`, {});
    expect(again.status).toBe(409);
  });

  it('dismisses a suggestion, and it stays dismissed when enrichment runs again', async () => {
    const suggestion = (await listSuggestions()).find((s) => s.kind === 'working-group')!;
    const { status, body } = await call('POST', `suggestions/${suggestion.id}/dismiss`, { user: JESS });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.suggestion).toMatchObject({ status: 'dismissed', decidedBy: JESS });
    await enrich();
    expect((await listSuggestions()).some((s) => s.id === suggestion.id)).toBe(false);
    expect(await api.repositories.suggestions.readSuggestion(TENANT, suggestion.id)).toMatchObject({ status: 'dismissed', decidedBy: JESS });
  });

  it('answers 400 naming the field when the new name is invalid', async () => {
    const suggestion = (await listSuggestions())[0]!;
    const { status, body } = await call('POST', `suggestions/${suggestion.id}/accept`, { body: { name: '' } });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/name/);
  });

  it('answers 404 for another tenant’s suggestion and an unknown id, and lists nothing of ours there', async () => {
    const suggestion = (await listSuggestions())[0]!;
    for (const path of [`suggestions/${suggestion.id}/accept`, `suggestions/${suggestion.id}/dismiss`]) {
      expect((await call('POST', path, { tenantId: OTHER_TENANT, body: {} })).status).toBe(404);
    }
    expect((await call('POST', 'suggestions/no-such-id/dismiss')).status).toBe(404);
    expect((await call('GET', 'suggestions', { tenantId: OTHER_TENANT })).body.suggestions).toEqual([]);
    expect(await api.repositories.suggestions.readSuggestion(TENANT, suggestion.id)).toMatchObject({ status: 'open' });
  });
});
