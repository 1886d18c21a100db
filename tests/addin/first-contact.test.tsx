// @vitest-environment jsdom
// First contact and safety in the pane: the display names go to the lookup; an unknown sender's
// card says what the domain tells (registered .gov, organization, parent agency, state, or free
// mail, or a .gov host that is not registered); warnings from the API sit above the card, as text.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { TaskPaneApp } from '../../addin/src/taskpane/components/task-pane-app.tsx';
import type { SenderSafety } from '../../shared/domain/sender-safety.ts';
import { answerLookup, DANA } from './fixtures/demo-people.ts';
import { createFakeServices, makeItem } from './fixtures/fake-services.ts';
import { installJsdomShims } from './fixtures/jsdom-setup.ts';

beforeAll(installJsdomShims);

const cdc = { email: 'someone@cdc.gov', displayName: 'Someone at CDC' };
// The pane looks internationalized domains up in punycode (the browser's IDNA conversion).
const SPOOF_HOST = new URL('http://orcacounty-cascadiа.gov').hostname;
const spoof = { email: `clerk@${SPOOF_HOST}`, displayName: 'Orca County Clerk' };
const gmail = { email: 'jessm0rgan@gmail.com', displayName: 'jess.morgan@housing.cascadia.gov' };

const safety: SenderSafety[] = [
  {
    email: cdc.email,
    domain: {
      host: 'cdc.gov',
      dotgov: true,
      freemail: false,
      organization: { name: 'Centers for Disease Control and Prevention', kind: 'federal', kindLabel: 'Federal agency', domain: 'cdc.gov', agency: 'Department of Health and Human Services', city: 'Atlanta', state: 'GA', source: 'dotgov' },
    },
    warnings: [],
  },
  {
    email: spoof.email,
    domain: { host: 'orcacounty-cascadiа.gov', dotgov: false, freemail: false, organization: { name: SPOOF_HOST, kind: 'unknown', kindLabel: 'Organization', domain: SPOOF_HOST, source: 'domain' } },
    warnings: [
      {
        kind: 'lookalike-domain',
        domain: 'orcacounty-cascadiа.gov',
        resembles: 'orcacounty-cascadia.gov',
        resemblesName: 'Orca County',
        technique: 'homoglyph',
        scripts: ['Cyrillic'],
        message: 'orcacounty-cascadiа.gov looks like orcacounty-cascadia.gov (Orca County) but is not it: it uses look-alike characters. It contains Cyrillic characters.',
      },
    ],
  },
  {
    email: gmail.email,
    domain: { host: 'gmail.com', dotgov: false, freemail: true, organization: null },
    warnings: [{ kind: 'display-name-address', shownAddress: 'jess.morgan@housing.cascadia.gov', message: 'The name shows the address jess.morgan@housing.cascadia.gov, but the message comes from <b>jessm0rgan@gmail.com</b>.' }],
  },
];

async function renderWith(from: { email: string; displayName: string }, cc: { email: string; displayName: string }[] = []) {
  const fake = createFakeServices({ item: makeItem({ from, to: [DANA], cc }) });
  const { container } = render(<TaskPaneApp services={fake.services} />);
  await waitFor(() => expect(fake.lookups).toHaveLength(1));
  await act(async () => fake.lookups[0]!.resolve({ people: answerLookup(fake.lookups[0]!.emails), safety }));
  return { fake, container };
}

describe('first contact', () => {
  it('sends the display names along and shows what a registered .gov domain tells', async () => {
    const { fake } = await renderWith(cdc);
    expect(fake.lookups[0]?.names?.get(cdc.email)).toBe('Someone at CDC');
    const card = screen.getByRole('article', { name: 'Someone at CDC' });
    expect(within(card).getByText('Not seen before')).toBeTruthy();
    expect(within(card).getByText('First contact')).toBeTruthy();
    const facts = within(within(card).getByRole('group', { name: 'What the domain tells' }));
    expect(facts.getByText('Registered .gov')).toBeTruthy();
    expect(facts.getByText('Centers for Disease Control and Prevention')).toBeTruthy();
    expect(facts.getByText(/Federal agency/)).toBeTruthy();
    expect(facts.getByText('Part of Department of Health and Human Services')).toBeTruthy();
    expect(facts.getByText('Atlanta, GA')).toBeTruthy();
    expect(screen.queryByRole('list', { name: /Warnings about/ })).toBeNull();
  });

  it('warns about a look-alike domain and says the .gov host is not registered', async () => {
    await renderWith(spoof);
    const warnings = screen.getByRole('list', { name: 'Warnings about Orca County Clerk' });
    expect(within(warnings).getByText('Look-alike domain')).toBeTruthy();
    expect(warnings.textContent).toContain('looks like orcacounty-cascadia.gov (Orca County)');
    expect(warnings.textContent).toContain('Cyrillic');
    const card = screen.getByRole('article', { name: 'Orca County Clerk' });
    expect(within(card).getByText('Not in the .gov registry')).toBeTruthy();
  });

  it('warns about a display name carrying another address, as text, with free mail marked', async () => {
    const { container } = await renderWith(gmail);
    const warnings = screen.getByRole('list', { name: 'Warnings about jess.morgan@housing.cascadia.gov' });
    expect(within(warnings).getByText('Name shows another address')).toBeTruthy();
    expect(warnings.textContent).toContain('comes from <b>jessm0rgan@gmail.com</b>.');
    expect(container.querySelector('b')).toBeNull();
    expect(within(screen.getByRole('article', { name: 'jess.morgan@housing.cascadia.gov' })).getByText('Free email address')).toBeTruthy();
  });

  it('shows unknown recipients compactly with their domain, and warnings for any participant', async () => {
    await renderWith({ email: 'jess.morgan@housing.cascadia.gov', displayName: 'Jess Morgan' }, [cdc, spoof]);
    const cdcCard = screen.getByRole('article', { name: 'Someone at CDC' });
    expect(within(cdcCard).getByText('Not seen before')).toBeTruthy();
    expect(within(cdcCard).queryByText('First contact')).toBeNull();
    expect(within(cdcCard).getByText('Registered .gov')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Warnings about Orca County Clerk' })).toBeTruthy();
  });

  it('looks an internationalized domain up in punycode and matches the answer to the participant', async () => {
    const fake = createFakeServices({ item: makeItem({ from: { email: 'clerk@orcacounty-cascadiа.gov', displayName: 'Orca County Clerk' }, to: [DANA] }) });
    render(<TaskPaneApp services={fake.services} />);
    await waitFor(() => expect(fake.lookups).toHaveLength(1));
    expect(fake.lookups[0]?.emails[0]).toBe(spoof.email);
    await act(async () => fake.lookups[0]!.resolve({ people: answerLookup(fake.lookups[0]!.emails), safety }));
    expect(screen.getByRole('list', { name: 'Warnings about Orca County Clerk' })).toBeTruthy();
  });
});
