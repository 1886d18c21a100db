// Notes about a person over HTTP on the local Functions host (real tokens, real Cosmos SDK on
// the stand-in): a note shared with everyone is read by a colleague; one shared with a team only
// by its members; only the author (or an admin) removes one; every change is in the person's
// audit trail; bad input is a 400 naming the field; another tenant's person is not found.
import { DEMO_TENANT_ID } from '../../../dev/token-issuer.ts';
import { mergeObservations } from '../../../functions/src/enrichment/merge-person.ts';
import type { PersonNote } from '../../../shared/domain/person-note.ts';
import { startApiOnly, type ApiOnly } from '../../helpers/start-api-only.ts';

const DANA = 'dana.reyes@housing.cascadia.gov';
const SAM = 'sam.lee@housing.cascadia.gov';
const ALEX = 'alex.kim@housing.cascadia.gov';
const JESS = 'jess.morgan@housing.cascadia.gov';
const OTHER_TENANT = '5d0c7f3e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';

let api: ApiOnly;
let jessId: string;

beforeAll(async () => {
  api = await startApiOnly();
  const [jess] = await Promise.all([
    api.repositories.people
      .mergeMany(DEMO_TENANT_ID, [JESS], (email, current) =>
        mergeObservations(DEMO_TENANT_ID, current, [{ email, displayName: 'Jess Morgan', titleFromName: null, observedAt: '2026-03-01T00:00:00Z' }]),
      )
      .then(() => api.repositories.people.findByEmails(DEMO_TENANT_ID, [JESS])),
  ]);
  jessId = jess[0]!.id;
});
afterAll(() => api.close());

async function call(method: 'GET' | 'POST' | 'DELETE', path: string, options: { body?: unknown; user?: string; tenantId?: string; roles?: string[] } = {}) {
  const token = await api.issuer.issueToken({ user: options.user ?? DANA, tenantId: options.tenantId, roles: options.roles });
  const response = await fetch(`${api.apiUrl}/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const notesFor = async (user: string) => ((await call('GET', `people/${jessId}/notes`, { user })).body.notes as PersonNote[]).map((n) => n.text);

describe('notes about a person', () => {
  it('shares a note with everyone by default; colleagues read it, newest first', async () => {
    const first = await call('POST', `people/${jessId}/notes`, { body: { text: '  Prefers a phone call to email.  ' } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ personId: jessId, text: 'Prefers a phone call to email.', teamId: 'tenant', teamName: 'Everyone in the organization', author: { email: DANA }, canRemove: true });
    await call('POST', `people/${jessId}/notes`, { body: { text: 'Chairs the March summit.' } });
    expect(await notesFor(SAM)).toEqual(['Chairs the March summit.', 'Prefers a phone call to email.']);
    const asSam = (await call('GET', `people/${jessId}/notes`, { user: SAM })).body.notes as PersonNote[];
    expect(asSam.every((note) => note.canRemove === false)).toBe(true);
  });

  it("keeps a team's note within the team", async () => {
    const team = await call('POST', 'teams', { body: { name: 'Shelter outreach' } });
    expect(team.status).toBe(200);
    const added = await call('POST', `people/${jessId}/notes`, { body: { text: 'Outreach team only: budget talks pending.', teamId: team.body.id } });
    expect(added.body.teamName).toBe('Shelter outreach');
    expect(await notesFor(DANA)).toContain('Outreach team only: budget talks pending.');
    expect(await notesFor(SAM)).not.toContain('Outreach team only: budget talks pending.');
    // Sam cannot post to a team he is not in, nor remove a note of it.
    expect((await call('POST', `people/${jessId}/notes`, { user: SAM, body: { text: 'x', teamId: team.body.id } })).status).toBe(404);
    expect((await call('DELETE', `people/${jessId}/notes/${added.body.id}`, { user: SAM })).status).toBe(404);
  });

  it('lets only the author or an admin remove a note, and audits add and remove', async () => {
    const note = (await call('POST', `people/${jessId}/notes`, { body: { text: 'Remove me later.' } })).body as PersonNote;
    const refused = await call('DELETE', `people/${jessId}/notes/${note.id}`, { user: SAM });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/only the author/);
    expect((await call('DELETE', `people/${jessId}/notes/${note.id}`, { user: ALEX, roles: ['Crosswalk.Admin'] })).body).toEqual({ removed: note.id });
    expect(await notesFor(DANA)).not.toContain('Remove me later.');
    expect((await call('DELETE', `people/${jessId}/notes/${note.id}`)).status).toBe(404);

    const audit = (await call('GET', `people/${jessId}/audit`)).body.entries as { action: string; summary: string; actor: { email: string } }[];
    const actions = audit.filter((entry) => entry.summary.includes('note')).map((entry) => [entry.action, entry.actor.email]);
    expect(actions).toContainEqual(['note.remove', ALEX]);
    expect(actions).toContainEqual(['note.add', DANA]);
    // The team's note is in the trail only for the team.
    const samAudit = (await call('GET', `people/${jessId}/audit`, { user: SAM })).body.entries as { summary: string }[];
    expect(samAudit.map((entry) => entry.summary)).not.toContain('Added a note about Jess Morgan for Shelter outreach');
  });

  it.each([
    [{}, /^text: /],
    [{ text: '   ' }, /^text: must not be empty/],
    [{ text: 'x'.repeat(2001) }, /^text: is longer than 2000 characters/],
    [{ text: 'ok', teamId: 42 }, /^teamId: must be a string/],
  ])('answers %j with a 400 naming the field', async (body, message) => {
    const { status, body: answer } = await call('POST', `people/${jessId}/notes`, { body });
    expect(status).toBe(400);
    expect(answer.error.message).toMatch(message);
  });

  it('does not find a person of another tenant, or an unknown one', async () => {
    expect((await call('GET', `people/${jessId}/notes`, { tenantId: OTHER_TENANT })).status).toBe(404);
    expect((await call('POST', `people/${jessId}/notes`, { tenantId: OTHER_TENANT, body: { text: 'planted' } })).status).toBe(404);
    expect((await call('GET', 'people/no-such-person/notes')).status).toBe(404);
    expect(await notesFor(DANA)).not.toContain('planted');
  });
});
