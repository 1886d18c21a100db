// @vitest-environment jsdom
// "History" on a person's card: folded until asked, then the audit trail about that person from
// the API (by their address), newest first, with who, when, what and before → after; empty and
// error states; and the card in the pane gets it through the pane's group services.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../addin/src/api/api-error.ts';
import { KnownPersonCard } from '../../addin/src/taskpane/components/known-person-card.tsx';
import { TaskPaneApp } from '../../addin/src/taskpane/components/task-pane-app.tsx';
import { GroupServicesContext } from '../../addin/src/taskpane/model/group-services-context.ts';
import type { OrderedParticipant } from '../../addin/src/taskpane/model/order-participants.ts';
import type { AuditEntry } from '../../shared/domain/group.ts';
import { answerLookup, DANA, jessCard, JESS_EMAIL, NOW } from './fixtures/demo-people.ts';
import { createFakeGroupServices } from './fixtures/fake-group-services.ts';
import { createFakeServices, makeItem } from './fixtures/fake-services.ts';
import { installJsdomShims } from './fixtures/jsdom-setup.ts';

beforeAll(installJsdomShims);

const jessEntries: AuditEntry[] = [
  {
    id: 'a3', at: '2026-03-18T10:00:00Z', actor: { email: DANA.email, name: 'Dana Reyes' }, action: 'membership.update',
    targetType: 'membership', targetId: 'm1', groupId: 'g1', personId: 'p-jess', teamId: 'tenant',
    summary: `Changed ${JESS_EMAIL} in Regional Homelessness Council: term ?– → 2022-01-01–2025-12-31`,
    before: { role: 'Board member', start: null, end: null, _etag: 'x' }, after: { role: 'Board member', start: '2022-01-01', end: '2025-12-31', _etag: 'y' },
  },
  {
    id: 'a2', at: '2026-03-02T09:00:00Z', actor: { email: 'sam.lee@housing.cascadia.gov', name: null }, action: 'membership.add',
    targetType: 'membership', targetId: 'm2', groupId: 'g2', personId: 'p-jess', teamId: 'tenant',
    summary: `Added ${JESS_EMAIL} to Shelter Network as point of contact`,
    before: null, after: { email: JESS_EMAIL, role: 'point of contact' },
  },
  {
    id: 'a1', at: '2025-11-20T09:00:00Z', actor: { email: DANA.email, name: 'Dana Reyes' }, action: 'person.update',
    targetType: 'person', targetId: 'p-jess', groupId: null, personId: 'p-jess', teamId: null,
    summary: `Merged jess.morgan@orcacounty-cascadia.gov into ${JESS_EMAIL}: the same person`,
    before: { email: JESS_EMAIL, aliases: [] }, after: { email: JESS_EMAIL, aliases: ['jess.morgan@orcacounty-cascadia.gov'] },
  },
];

const participant: OrderedParticipant = { key: JESS_EMAIL, email: JESS_EMAIL, displayName: 'Jess Morgan', position: 'from', isSelf: false };

function renderCard(fake: ReturnType<typeof createFakeGroupServices> | null, card = jessCard) {
  const element = <KnownPersonCard participant={participant} card={card} now={NOW} />;
  render(fake ? <GroupServicesContext.Provider value={fake.services}>{element}</GroupServicesContext.Provider> : element);
}

function historyItems(): string[] {
  const list = screen.getByRole('list', { name: 'Changes, newest first' });
  return within(list).getAllByRole('listitem').filter((li) => li.parentElement === list).map((li) => li.textContent ?? '');
}

describe("A person's History", () => {
  it('is folded until asked, then lists the changes about them: who, when, what, before → after', async () => {
    const fake = createFakeGroupServices({ personAudit: { [JESS_EMAIL]: jessEntries } });
    renderCard(fake);
    const toggle = screen.getByRole('button', { name: 'History' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(fake.callsOf('readPersonAudit')).toEqual([]);

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await screen.findByRole('list', { name: 'Changes, newest first' });
    expect(screen.getByRole('region', { name: 'Changes about Jess Morgan' })).toBeTruthy();
    expect(historyItems()).toEqual([
      `Changed ${JESS_EMAIL} in Regional Homelessness Council: term ?– → 2022-01-01–2025-12-31Dana Reyes · Mar 18Start: 2022-01-01End: 2025-12-31`,
      `Added ${JESS_EMAIL} to Shelter Network as point of contactsam.lee@housing.cascadia.gov · Mar 2Email: ${JESS_EMAIL}Role: point of contact`,
      `Merged jess.morgan@orcacounty-cascadia.gov into ${JESS_EMAIL}: the same personDana Reyes · Nov 20, 2025Other addresses: jess.morgan@orcacounty-cascadia.gov`,
    ]);
    expect(fake.callsOf('readPersonAudit').map((call) => call.args[0])).toEqual([JESS_EMAIL]);

    fireEvent.click(screen.getByRole('button', { name: 'Hide history' }));
    expect(screen.queryByRole('list', { name: 'Changes, newest first' })).toBeNull();
  });

  it("asks by the person's primary address when the card was looked up by an alias", async () => {
    const fake = createFakeGroupServices({ personAudit: { [JESS_EMAIL]: jessEntries } });
    renderCard(fake, { ...jessCard, email: 'jess.morgan@orcacounty-cascadia.gov', primaryEmail: JESS_EMAIL });
    fireEvent.click(screen.getByRole('button', { name: 'History' }));
    await screen.findByRole('list', { name: 'Changes, newest first' });
    expect(fake.callsOf('readPersonAudit').map((call) => call.args[0])).toEqual([JESS_EMAIL]);
  });

  it('says when nothing has been recorded yet', async () => {
    renderCard(createFakeGroupServices());
    fireEvent.click(screen.getByRole('button', { name: 'History' }));
    expect(await screen.findByText('No changes recorded yet. Roles added, changed or ended in Crosswalk will be listed here.')).toBeTruthy();
  });

  it('shows an error with a retry that asks again', async () => {
    const fake = createFakeGroupServices({ personAudit: { [JESS_EMAIL]: jessEntries } });
    fake.failNext('readPersonAudit', new ApiError({ status: 503, code: 'unavailable', message: 'Crosswalk is resting.' }));
    renderCard(fake);
    fireEvent.click(screen.getByRole('button', { name: 'History' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the history: Crosswalk is resting.');
    await act(async () => fireEvent.click(within(alert).getByRole('button', { name: 'Retry' })));
    await waitFor(() => expect(historyItems()).toHaveLength(3));
  });

  it('is left out where the card has no group services to ask', () => {
    renderCard(null);
    expect(screen.queryByRole('button', { name: 'History' })).toBeNull();
  });

  it("is on each known person's card in the pane", async () => {
    const groups = createFakeGroupServices({ personAudit: { [JESS_EMAIL]: jessEntries } });
    const fake = createFakeServices({ item: makeItem({ from: { email: JESS_EMAIL, displayName: 'Jess Morgan' }, to: [DANA] }), groups: groups.services });
    render(<TaskPaneApp services={fake.services} />);
    await waitFor(() => expect(fake.lookups).toHaveLength(1));
    await act(async () => fake.lookups[0]!.resolve(answerLookup(fake.lookups[0]!.emails)));
    const card = await screen.findByRole('article', { name: 'Jess Morgan' });
    fireEvent.click(within(card).getByRole('button', { name: 'History' }));
    await within(card).findByRole('list', { name: 'Changes, newest first' });
    expect(historyItems()[1]).toContain(`Added ${JESS_EMAIL} to Shelter Network as point of contact`);
  });
});
