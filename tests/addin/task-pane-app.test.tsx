// @vitest-environment jsdom
// The task pane's views and states, with fake services: loading, known and unknown cards,
// error and retry, empty, no item, stale answers after ItemChanged, text-only rendering, themes.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../addin/src/api/api-error.ts';
import { SignInError } from '../../addin/src/auth/sign-in-error.ts';
import { TaskPaneApp } from '../../addin/src/taskpane/components/task-pane-app.tsx';
import { answerLookup, DANA, jessCard, JESS_EMAIL } from './fixtures/demo-people.ts';
import { createFakeServices, makeItem } from './fixtures/fake-services.ts';
import { installJsdomShims } from './fixtures/jsdom-setup.ts';

const jess = { email: JESS_EMAIL, displayName: 'Jess Morgan' };
const dana = { email: DANA.email, displayName: DANA.displayName };
const stranger = { email: 'new.contact@shelternorth.org', displayName: 'New Contact' };

// Fluent's motion and positioning read these; jsdom has neither.
beforeAll(installJsdomShims);

async function answerNextLookup(lookups: { emails: string[]; resolve: (p: never[] | ReturnType<typeof answerLookup>) => void }[], index = 0) {
  await waitFor(() => expect(lookups.length).toBeGreaterThan(index));
  const lookup = lookups[index]!;
  await act(async () => lookup.resolve(answerLookup(lookup.emails)));
}

describe('TaskPaneApp', () => {
  it('shows a loading state while the lookup runs, with one request for all participants in order', async () => {
    const fake = createFakeServices({ item: makeItem({ from: jess, to: [dana], cc: [stranger, jess] }) });
    render(<TaskPaneApp services={fake.services} />);
    expect(await screen.findByText('Looking up people…')).toBeTruthy();
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    expect(fake.lookups).toHaveLength(1);
    expect(fake.lookups[0]?.emails).toEqual([JESS_EMAIL, DANA.email, stranger.email]);
  });

  it('shows a known card: name, title, organization and kind, strength, roles, last interactions', async () => {
    const fake = createFakeServices({ item: makeItem({ from: jess, to: [dana] }) });
    render(<TaskPaneApp services={fake.services} />);
    await answerNextLookup(fake.lookups);

    const card = screen.getByRole('article', { name: 'Jess Morgan' });
    const inCard = within(card);
    expect(inCard.getByRole('heading', { level: 3, name: 'Jess Morgan' })).toBeTruthy();
    expect(inCard.getByText('Homelessness Program Director')).toBeTruthy();
    expect(card.textContent).toContain('Cascadia Department of Housing · State agency');
    expect(inCard.getByRole('group', { name: 'Relationship strength: Very strong, 78 out of 100' })).toBeTruthy();
    expect(inCard.getByText('78/100')).toBeTruthy();
    expect(inCard.getByText('12 sent · 9 received · 3 meetings · last 4 days ago')).toBeTruthy();

    const roles = within(inCard.getByRole('group', { name: 'Roles' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(roles).toEqual([
      'Lead · Homelessness Reduction Initiative',
      'Board member · Regional Housing Council',
      'Member · State–County–Local Working GroupInferred: attended 11 of 12 meetings',
      'Point of contact · Shelter Providers NetworkInferred: on 23 threads with shelter operators',
    ]);

    const recent = within(inCard.getByRole('group', { name: 'Recent contact' })).getAllByRole('listitem');
    expect(recent.map((li) => li.textContent)).toEqual(['Mar 16Received · Shelter bed counts for March', 'Mar 12Meeting · State–County–Local sync']);
    expect(inCard.getByText('From')).toBeTruthy();
  });

  it('marks the signed-in user as "You" and shows unknown people as "Not seen before"', async () => {
    const fake = createFakeServices({ item: makeItem({ from: stranger, to: [dana] }) });
    render(<TaskPaneApp services={fake.services} />);
    await answerNextLookup(fake.lookups);

    const unknown = screen.getByRole('article', { name: 'New Contact' });
    expect(within(unknown).getByText('Not seen before')).toBeTruthy();
    expect(within(unknown).queryByText(/sent ·/)).toBeNull();
    const me = screen.getByRole('article', { name: 'Dana Reyes' });
    expect(within(me).getByLabelText('This is you')).toBeTruthy();
    expect(within(unknown).queryByLabelText('This is you')).toBeNull();
    // Your own card has no relationship with yourself to show.
    expect(within(me).queryByText(/sent ·/)).toBeNull();
    expect(within(me).queryByRole('group', { name: 'Recent contact' })).toBeNull();
    const names = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(names).toEqual(['New Contact', 'Dana Reyes']);
  });

  it('shows the error message with a retry that asks again', async () => {
    const fake = createFakeServices({ item: makeItem({ from: jess }) });
    render(<TaskPaneApp services={fake.services} />);
    await waitFor(() => expect(fake.lookups).toHaveLength(1));
    await act(async () => fake.lookups[0]!.reject(new ApiError({ status: 503, code: 'unavailable', message: 'Crosswalk is resting.' })));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Crosswalk is resting.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(fake.lookups).toHaveLength(2));
    expect(fake.lookups[1]?.emails).toEqual([JESS_EMAIL]);
    await answerNextLookup(fake.lookups, 1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('article', { name: 'Jess Morgan' })).toBeTruthy();
  });

  it('does not show raw internals for unexpected errors', async () => {
    const fake = createFakeServices({ item: makeItem({ from: jess }) });
    render(<TaskPaneApp services={fake.services} />);
    await waitFor(() => expect(fake.lookups).toHaveLength(1));
    await act(async () => fake.lookups[0]!.reject(new TypeError('x is undefined at line 42')));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).not.toContain('line 42');
    expect(alert.textContent).toContain('Something went wrong');
  });

  it('shows an empty state for a message without participants, without calling the API', async () => {
    const fake = createFakeServices({ item: makeItem({ from: null, mode: 'compose', itemId: null }) });
    render(<TaskPaneApp services={fake.services} />);
    expect(await screen.findByRole('heading', { name: 'No people on this message' })).toBeTruthy();
    expect(fake.lookups).toHaveLength(0);
  });

  it('shows "No message selected" when Outlook has no item', async () => {
    const fake = createFakeServices({ item: null });
    render(<TaskPaneApp services={fake.services} />);
    expect(await screen.findByRole('heading', { name: 'No message selected' })).toBeTruthy();
  });

  it('follows ItemChanged and never shows the answer for the previous item', async () => {
    const fake = createFakeServices({ item: makeItem({ from: jess, subject: 'First' }) });
    render(<TaskPaneApp services={fake.services} />);
    await waitFor(() => expect(fake.lookups).toHaveLength(1));

    act(() => fake.selectItem(makeItem({ itemId: 'item-2', from: stranger, subject: 'Second' })));
    await waitFor(() => expect(fake.lookups).toHaveLength(2));
    // The second answer arrives first, then the stale first one.
    await act(async () => fake.lookups[1]!.resolve(answerLookup([stranger.email])));
    await act(async () => fake.lookups[0]!.resolve([jessCard]));

    expect(screen.getByRole('article', { name: 'New Contact' })).toBeTruthy();
    expect(screen.queryByText('Jess Morgan')).toBeNull();
    expect(screen.getByText('Second')).toBeTruthy();
  });

  it('drops a stale failure too', async () => {
    const fake = createFakeServices({ item: makeItem({ from: jess }) });
    render(<TaskPaneApp services={fake.services} />);
    await waitFor(() => expect(fake.lookups).toHaveLength(1));
    act(() => fake.selectItem(makeItem({ itemId: 'item-2', from: stranger })));
    await waitFor(() => expect(fake.lookups).toHaveLength(2));
    await act(async () => fake.lookups[0]!.reject(new ApiError({ status: 500, code: 'internal', message: 'old failure' })));
    expect(screen.queryByRole('alert')).toBeNull();
    await answerNextLookup(fake.lookups, 1);
    expect(screen.getByRole('article', { name: 'New Contact' })).toBeTruthy();
  });

  it('renders HTML and script in names and subjects as text', async () => {
    const evilName = '<img src=x onerror="window.__pwned=1"><b>Eve</b>';
    const evilSubject = '<script>window.__pwned=2</script>Budget';
    const evil = { email: 'eve@evil.example', displayName: evilName };
    const fake = createFakeServices({ item: makeItem({ from: evil, subject: evilSubject }) });
    const { container } = render(<TaskPaneApp services={fake.services} />);
    await waitFor(() => expect(fake.lookups).toHaveLength(1));
    await act(async () =>
      fake.lookups[0]!.resolve([
        {
          ...jessCard,
          email: evil.email,
          displayName: evilName,
          title: '<i>Chief</i>',
          lastInteractions: [{ at: '2026-03-16T09:00:00Z', kind: 'email', direction: 'sent', subject: evilSubject }],
        },
      ]),
    );
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe(evilName);
    expect(screen.getByText(evilSubject, { selector: 'p' })).toBeTruthy();
    expect(container.querySelector('img, script, b, i')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('renders the dark theme when Office is dark, and follows a theme change', async () => {
    const fake = createFakeServices({ item: makeItem({ from: jess }), theme: 'dark' });
    const { container } = render(<TaskPaneApp services={fake.services} />);
    await answerNextLookup(fake.lookups);
    const provider = container.querySelector('[data-theme]');
    expect(provider?.getAttribute('data-theme')).toBe('dark');
    expect(screen.getByRole('article', { name: 'Jess Morgan' })).toBeTruthy();
    act(() => fake.changeTheme('light'));
    expect(container.querySelector('[data-theme]')?.getAttribute('data-theme')).toBe('light');
  });

  it('renders Fluent\'s high-contrast theme when the system forces colours, and leaves it when they stop', async () => {
    const fake = createFakeServices({ item: makeItem({ from: jess }), theme: 'high-contrast' });
    const { container } = render(<TaskPaneApp services={fake.services} />);
    await answerNextLookup(fake.lookups);
    const provider = container.querySelector('[data-theme]') as HTMLElement;
    expect(provider.getAttribute('data-theme')).toBe('high-contrast');
    // Fluent writes the theme's tokens as CSS variables on the provider: high contrast's background is black.
    const style = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
    expect(style).toMatch(/--colorNeutralBackground1:\s*#000000/i);
    expect(screen.getByRole('article', { name: 'Jess Morgan' })).toBeTruthy();
    act(() => fake.changeTheme('dark'));
    expect(container.querySelector('[data-theme]')?.getAttribute('data-theme')).toBe('dark');
  });

  it('switching shows the new message\'s people at once, with skeletons, and a late answer for the old one never paints', async () => {
    const fake = createFakeServices({ item: makeItem({ from: jess, to: [dana], subject: 'First' }) });
    render(<TaskPaneApp services={fake.services} />);
    await answerNextLookup(fake.lookups);
    expect(screen.getByRole('article', { name: 'Jess Morgan' })).toBeTruthy();

    act(() => fake.selectItem(makeItem({ itemId: 'item-2', from: stranger, to: [dana], subject: 'Second' })));
    await waitFor(() => expect(fake.lookups).toHaveLength(2));
    // The new people are listed before their cards arrive; Jess is gone at once.
    expect(screen.getByRole('article', { name: 'New Contact' })).toBeTruthy();
    expect(screen.queryByRole('article', { name: 'Jess Morgan' })).toBeNull();
    expect(screen.getByText('Looking up people…')).toBeTruthy();
    // Dana's card was fetched a moment ago: it stays up while it is looked up again.
    expect(within(screen.getByRole('article', { name: 'Dana Reyes' })).getByText('Policy Analyst')).toBeTruthy();

    // The first message's answer arrives late, while the second is still pending: it does not paint.
    await act(async () => fake.lookups[0]!.resolve([jessCard]));
    expect(screen.queryByText('Jess Morgan')).toBeNull();
    await answerNextLookup(fake.lookups, 1);
    expect(within(screen.getByRole('article', { name: 'New Contact' })).getByText('Not seen before')).toBeTruthy();
    expect(screen.queryByText('Looking up people…')).toBeNull();
  });

  it('going back to a message shows its cards from this session at once, then looks them up again', async () => {
    const first = makeItem({ from: jess, subject: 'First' });
    const fake = createFakeServices({ item: first });
    render(<TaskPaneApp services={fake.services} />);
    await answerNextLookup(fake.lookups);
    act(() => fake.selectItem(makeItem({ itemId: 'item-2', from: stranger, subject: 'Second' })));
    await answerNextLookup(fake.lookups, 1);

    act(() => fake.selectItem(first));
    await waitFor(() => expect(fake.lookups).toHaveLength(3));
    expect(within(screen.getByRole('article', { name: 'Jess Morgan' })).getByText('78/100')).toBeTruthy();
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false');
    // The fresh answer replaces the remembered card.
    await act(async () => fake.lookups[2]!.resolve([{ ...jessCard, title: 'Deputy Director' }]));
    expect(within(screen.getByRole('article', { name: 'Jess Morgan' })).getByText('Deputy Director')).toBeTruthy();
  });

  it('in compose mode shows who the draft is going to, flags external and first-contact recipients, and follows RecipientsChanged', async () => {
    const draft = makeItem({ mode: 'compose', itemId: null, from: dana, to: [jess], cc: [], subject: 'Beds' });
    const fake = createFakeServices({ item: draft });
    render(<TaskPaneApp services={fake.services} />);
    await answerNextLookup(fake.lookups);
    expect(fake.lookups[0]?.emails).toEqual([JESS_EMAIL]);
    expect(screen.getByRole('heading', { name: 'Going to (1)' })).toBeTruthy();
    expect(screen.getByText('Going to 1 person')).toBeTruthy();
    expect(within(screen.getByRole('article', { name: 'Jess Morgan' })).queryByText('External')).toBeNull();

    act(() => fake.changeRecipients({ ...draft, to: [jess], bcc: [stranger] }));
    await waitFor(() => expect(fake.lookups).toHaveLength(2));
    // Jess stays on screen while the new recipient is looked up.
    expect(screen.getByRole('article', { name: 'Jess Morgan' })).toBeTruthy();
    await answerNextLookup(fake.lookups, 1);
    const newcomer = screen.getByRole('article', { name: 'New Contact' });
    expect(within(newcomer).getByText('Bcc')).toBeTruthy();
    expect(within(newcomer).getByLabelText('Outside your organization')).toBeTruthy();
    expect(within(newcomer).getByLabelText('First contact: you have never written to or met them')).toBeTruthy();
    expect(screen.getByText('Going to 2 people · 1 outside your organization · 1 first contact')).toBeTruthy();
    expect(screen.getByText(/You have never written to New Contact, outside your organization/)).toBeTruthy();
    expect(fake.recipientsSubscriptions()).toBe(1);
  });

  it('says when Crosswalk is unreachable, keeps the cards it has, and tries again once back online', async () => {
    const fake = createFakeServices({ item: makeItem({ from: jess, to: [dana] }) });
    render(<TaskPaneApp services={fake.services} />);
    await answerNextLookup(fake.lookups);
    await act(async () => fake.selectItem(makeItem({ itemId: 'item-2', from: jess, to: [dana, stranger] })));
    await waitFor(() => expect(fake.lookups).toHaveLength(2));
    await act(async () => fake.lookups[1]!.reject(new ApiError({ status: 0, code: 'unavailable', message: 'Crosswalk is not reachable right now.' })));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Crosswalk is unreachable');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Jess Morgan' })).toBeTruthy();
    expect(within(screen.getByRole('article', { name: 'New Contact' })).getByText('Details unavailable')).toBeTruthy();

    act(() => window.dispatchEvent(new Event('online')));
    await answerNextLookup(fake.lookups, 2);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(within(screen.getByRole('article', { name: 'New Contact' })).getByText('Not seen before')).toBeTruthy();
  });

  it('says "You are offline" when the browser is offline', async () => {
    const onLine = vi.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      const fake = createFakeServices({ item: makeItem({ from: jess }) });
      render(<TaskPaneApp services={fake.services} />);
      await waitFor(() => expect(fake.lookups).toHaveLength(1));
      await act(async () => fake.lookups[0]!.reject(new TypeError('Failed to fetch')));
      expect((await screen.findByRole('alert')).textContent).toContain('You are offline');
    } finally {
      onLine.mockRestore();
    }
  });

  it('asks to sign in again when no token can be had, and retries on the button', async () => {
    const fake = createFakeServices({ item: makeItem({ from: jess }) });
    render(<TaskPaneApp services={fake.services} />);
    await waitFor(() => expect(fake.lookups).toHaveLength(1));
    await act(async () => fake.lookups[0]!.reject(new SignInError({ reason: 'consent-required' })));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Sign-in needed');
    expect(alert.textContent).toContain('Ask your administrator to grant consent');
    fireEvent.click(within(alert).getByRole('button', { name: 'Sign in again' }));
    await answerNextLookup(fake.lookups, 1);
    expect(screen.getByRole('article', { name: 'Jess Morgan' })).toBeTruthy();
  });

  it('treats a 401 from the API as a sign-in problem', async () => {
    const fake = createFakeServices({ item: makeItem({ from: jess }) });
    render(<TaskPaneApp services={fake.services} />);
    await waitFor(() => expect(fake.lookups).toHaveLength(1));
    await act(async () => fake.lookups[0]!.reject(new ApiError({ status: 401, code: 'unauthenticated', message: 'token expired' })));
    expect((await screen.findByRole('alert')).textContent).toContain('Sign-in needed');
  });
});
