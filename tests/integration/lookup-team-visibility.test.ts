// A role in a private team's group shows on a card only to that team's members.
import type { KnownPersonCard } from '../../shared/domain/person-card.ts';
import { startApiOnly, type ApiOnly } from '../helpers/start-api-only.ts';

const TENANT = '7c1f0e6a-3b7d-4c55-9a51-2f0c1d8e4b10';
const DANA = 'dana.reyes@housing.cascadia.gov';
const MARCUS = 'marcus.lee@housing.cascadia.gov';
const PARTNER = 'lee.partner@fernridgecollective.org';
let api: ApiOnly;

beforeAll(async () => {
  api = await startApiOnly();
});
afterAll(() => api.close());

async function call(user: string, method: string, path: string, body?: unknown) {
  const token = await api.issuer.issueToken({ user, tenantId: TENANT });
  const response = await fetch(`${api.apiUrl}/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

it("shows a personal team's role to its owner and hides it from everyone else", async () => {
  const created = await call(DANA, 'POST', 'groups', { name: 'Dana’s outreach shortlist', kind: 'other' });
  expect(created.status).toBe(200);
  const added = await call(DANA, 'POST', `groups/${created.body.id}/members`, { members: [{ email: PARTNER, role: 'prospect' }] });
  expect(added.status).toBe(200);

  const roleIn = async (caller: string) => {
    const { body } = await call(caller, 'POST', 'lookup', { emails: [PARTNER] });
    return ((body.people[0] as KnownPersonCard).roles ?? []).map((r) => `${r.role} — ${r.group}`);
  };
  expect(await roleIn(DANA)).toContain('prospect — Dana’s outreach shortlist');
  expect(await roleIn(MARCUS)).not.toContain('prospect — Dana’s outreach shortlist');
});
