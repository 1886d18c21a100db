// First contact and safety through POST /api/lookup on the local Functions host (real tokens,
// real Cosmos SDK on the stand-in, the shipped .gov registry fixture): for unknown or suspicious
// addresses the answer says what the domain tells and which warnings apply — crafted spoofs of the
// tenant's own organizations (a Cyrillic а sent as punycode, a dropped hyphen), of a registry
// domain (rn for m), a display name carrying another address, a .gov-sounding name from gmail —
// and says nothing extra for a plain known person.
import { DEMO_TENANT_ID } from '../../../dev/token-issuer.ts';
import { mergeObservations } from '../../../functions/src/enrichment/merge-person.ts';
import type { SenderSafety } from '../../../shared/domain/sender-safety.ts';
import { startApiOnly, type ApiOnly } from '../../helpers/start-api-only.ts';

const DANA = 'dana.reyes@housing.cascadia.gov';
const JESS = 'jess.morgan@housing.cascadia.gov';
const toAscii = (email: string) => {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, at)}@${new URL(`http://${email.slice(at + 1)}`).hostname}`;
};
const CYRILLIC_SPOOF = toAscii('clerk@orcacounty-cascadiа.gov');

let api: ApiOnly;

beforeAll(async () => {
  api = await startApiOnly();
  await api.repositories.organizations.upsertMany(DEMO_TENANT_ID, [
    { id: 'org-orca', tenantId: DEMO_TENANT_ID, name: 'Orca County', kind: 'county', domains: ['orcacounty-cascadia.gov'], source: 'directory' },
    { id: 'org-housing', tenantId: DEMO_TENANT_ID, name: 'Cascadia Department of Housing', kind: 'state', domains: ['housing.cascadia.gov'], source: 'directory' },
  ] as never);
  await api.repositories.people.mergeMany(DEMO_TENANT_ID, [JESS], (email, current) =>
    mergeObservations(DEMO_TENANT_ID, current, [{ email, displayName: 'Jess Morgan', titleFromName: null, observedAt: '2026-03-01T00:00:00Z' }]),
  );
});
afterAll(() => api.close());

async function lookup(body: unknown) {
  const token = await api.issuer.issueToken({ user: DANA });
  const response = await fetch(`${api.apiUrl}/lookup`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { people?: { email: string; known: boolean }[]; safety?: SenderSafety[]; error?: { message: string } } };
}

describe('POST /api/lookup: first contact and safety', () => {
  it('warns about crafted spoofs and says what each domain tells', async () => {
    const senders = [
      { email: CYRILLIC_SPOOF, name: 'Orca County Clerk' },
      { email: 'permits@orcacountycascadia.gov', name: 'Permits' },
      { email: 'info@srnithsonian.gov', name: 'Smithsonian' },
      { email: 'jessm0rgan@gmail.com', name: 'jess.morgan@housing.cascadia.gov' },
      { email: 'orca.health@gmail.com', name: 'County Health Department' },
      { email: 'someone@cdc.gov', name: 'Someone at CDC' },
      { email: JESS, name: 'Jess Morgan' },
    ];
    const { status, body } = await lookup({ emails: senders.map((s) => s.email), names: senders });
    expect(status).toBe(200);
    expect(body.people?.map((p) => p.known)).toEqual([false, false, false, false, false, false, true]);
    const byEmail = new Map(body.safety?.map((entry) => [entry.email, entry]));
    // Jess is known and nothing about her is suspicious: no entry.
    expect(byEmail.has(JESS)).toBe(false);

    const cyrillic = byEmail.get(CYRILLIC_SPOOF)!;
    expect(cyrillic.domain.host).toBe('orcacounty-cascadiа.gov');
    expect(cyrillic.warnings).toEqual([
      expect.objectContaining({ kind: 'lookalike-domain', resembles: 'orcacounty-cascadia.gov', resemblesName: 'Orca County', technique: 'homoglyph', scripts: ['Cyrillic'] }),
    ]);
    expect(byEmail.get('permits@orcacountycascadia.gov')?.warnings).toEqual([expect.objectContaining({ kind: 'lookalike-domain', technique: 'hyphenation', resembles: 'orcacounty-cascadia.gov' })]);
    expect(byEmail.get('info@srnithsonian.gov')?.warnings).toEqual([expect.objectContaining({ kind: 'lookalike-domain', technique: 'homoglyph', resembles: 'smithsonian.gov' })]);
    // A .gov address in the name from free mail is both a display-name spoof and a government name from gmail.
    expect(byEmail.get('jessm0rgan@gmail.com')?.warnings.map((w) => w.kind)).toEqual(['display-name-address', 'gov-name-from-freemail']);
    expect(byEmail.get('jessm0rgan@gmail.com')?.domain).toMatchObject({ host: 'gmail.com', freemail: true, organization: null });
    expect(byEmail.get('orca.health@gmail.com')?.warnings.map((w) => w.kind)).toEqual(['gov-name-from-freemail']);

    // A registered .gov: kind, parent agency and state, no warning.
    const cdc = byEmail.get('someone@cdc.gov')!;
    expect(cdc.warnings).toEqual([]);
    expect(cdc.domain).toMatchObject({
      host: 'cdc.gov',
      dotgov: true,
      freemail: false,
      organization: { name: 'Centers for Disease Control and Prevention', kind: 'federal', agency: 'Department of Health and Human Services', state: 'GA', source: 'dotgov' },
    });
  });

  it('works without names (older clients) and checks domains only', async () => {
    const { status, body } = await lookup({ emails: [CYRILLIC_SPOOF, 'orca.health@gmail.com'] });
    expect(status).toBe(200);
    expect(body.safety?.map((entry) => entry.warnings.map((w) => w.kind))).toEqual([['lookalike-domain'], []]);
  });

  it.each([
    [{ emails: [JESS], names: 'Jess' }, /^names: must be an array of \{ email, name \}/],
    [{ emails: [JESS], names: [{ email: 'not-an-address', name: 'x' }] }, /^names\[0\]\.email: is not a valid email address/],
    [{ emails: [JESS], names: [{ email: JESS, name: 'x'.repeat(321) }] }, /^names\[0\]\.name: is longer than 320 characters/],
  ])('refuses bad names with a 400 naming the field (%#)', async (body, message) => {
    const { status, body: answer } = await lookup(body);
    expect(status).toBe(400);
    expect(answer.error?.message).toMatch(message);
  });
});
