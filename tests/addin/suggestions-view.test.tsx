// @vitest-environment jsdom
// The suggestions view with fake services: loading, empty, error with retry; "Jess moved from
// the county to the state? Same person / Not the same" and suggested groups (create, rename,
// dismiss), each while the answer is awaited (buttons off, spinner), after it (the item leaves,
// the outcome is announced) and when it is refused (the API's message, the item stays).
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../addin/src/api/api-error.ts';
import { SuggestionsView } from '../../addin/src/taskpane/components/suggestions-view.tsx';
import type { SuggestionServices } from '../../addin/src/taskpane/model/suggestion-services.ts';
import type { MergeSuggestionView } from '../../shared/api/person-routes.ts';
import type { Suggestion } from '../../shared/domain/suggestion.ts';
import { installJsdomShims } from './fixtures/jsdom-setup.ts';

beforeAll(installJsdomShims);

const JESS = 'jess.morgan@housing.cascadia.gov';
const JESS_COUNTY = 'jmorgan@orcacounty-cascadia.gov';

const jessMerge: MergeSuggestionView = {
  id: 'merge-jess',
  name: 'Jess Morgan',
  people: [
    { email: JESS_COUNTY, displayName: 'Jess Morgan', domain: 'orcacounty-cascadia.gov', organization: 'Orca County', firstSeenAt: '2025-01-10T00:00:00Z', lastSeenAt: '2026-04-30T00:00:00Z' },
    { email: JESS, displayName: 'Jess Morgan', domain: 'housing.cascadia.gov', organization: 'Cascadia Department of Housing', firstSeenAt: '2026-05-02T00:00:00Z', lastSeenAt: '2026-11-19T00:00:00Z' },
  ],
  suggestedPrimary: JESS,
  message: 'Jess Morgan at orcacounty-cascadia.gov and housing.cascadia.gov — same person? They may have moved from Orca County to Cascadia Department of Housing.',
};

function makeSuggestion(fields: Partial<Suggestion> & Pick<Suggestion, 'id' | 'name' | 'kind'>): Suggestion {
  return {
    status: 'open',
    people: 9,
    organizations: 4,
    meetings: 14,
    threads: 0,
    emails: 0,
    since: '2026-05-04T00:00:00Z',
    members: [
      { email: JESS, displayName: 'Jess Morgan', role: 'Member' },
      { email: 'renee.castillo@kestrelcounty-cascadia.gov', displayName: 'Renee Castillo', role: 'Convener' },
    ],
    evidence: 'Looks like a working group: 9 people, 14 meetings since May',
    groupId: null,
    decidedBy: null,
    decidedAt: null,
    etag: '"1"',
    ...fields,
  };
}

const workingGroup = makeSuggestion({ id: 'wg-1', name: 'State–County–Local Homelessness Working Group', kind: 'working-group' });
const network = makeSuggestion({ id: 'net-1', name: 'Shelter partners network', kind: 'network', evidence: 'A network: 17 people who meet and write to each other' });

/** A promise the test settles by hand: an answer still awaited. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function createFakeServices(options: { merges?: MergeSuggestionView[]; groups?: Suggestion[] } = {}) {
  const calls: string[] = [];
  const services: SuggestionServices = {
    listMergeSuggestions: vi.fn(async () => options.merges ?? []),
    listGroupSuggestions: vi.fn(async () => options.groups ?? []),
    mergePeople: vi.fn(async (primary: string, secondary: string) => {
      calls.push(`merge ${primary} ${secondary}`);
      return { primary, aliases: [secondary] };
    }),
    dismissMergeSuggestion: vi.fn(async (id: string) => {
      calls.push(`keep-apart ${id}`);
      return { dismissed: id };
    }),
    acceptGroupSuggestion: vi.fn(async (id: string, name?: string) => {
      calls.push(`accept ${id} ${name ?? '(suggested name)'}`);
      return { group: { id: `group-${id}`, name: name ?? (options.groups ?? []).find((s) => s.id === id)!.name } };
    }),
    dismissGroupSuggestion: vi.fn(async (id: string) => {
      calls.push(`dismiss ${id}`);
      return {};
    }),
  };
  return { services, calls };
}

function renderView(services: SuggestionServices) {
  const onBack = vi.fn();
  const onDecided = vi.fn();
  render(<SuggestionsView services={services} onBack={onBack} onDecided={onDecided} />);
  return { onBack, onDecided };
}

const cardOf = (name: string | RegExp) => screen.getByRole('heading', { level: 4, name }).closest('article') as HTMLElement;

describe('loading, empty and error', () => {
  it('shows a spinner until both lists have come', async () => {
    const merges = deferred<MergeSuggestionView[]>();
    const { services } = createFakeServices();
    services.listMergeSuggestions = () => merges.promise;
    renderView(services);
    expect(screen.getByText('Loading suggestions…')).toBeTruthy();
    merges.resolve([jessMerge]);
    await screen.findByRole('heading', { level: 3, name: 'Same person?' });
    expect(screen.queryByText('Loading suggestions…')).toBeNull();
  });

  it('says there is nothing to review when both lists are empty', async () => {
    renderView(createFakeServices().services);
    expect(await screen.findByRole('heading', { name: 'Nothing to review' })).toBeTruthy();
  });

  it("shows the API's message and loads again on Retry", async () => {
    const { services } = createFakeServices({ groups: [workingGroup] });
    let failing = true;
    services.listGroupSuggestions = vi.fn(async () => {
      if (failing) throw new ApiError({ status: 0, code: 'unavailable', message: 'Crosswalk is not reachable right now. Check your connection and try again.' });
      return [workingGroup];
    });
    renderView(services);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load suggestions');
    expect(alert.textContent).toContain('Crosswalk is not reachable right now');
    failing = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 4, name: workingGroup.name })).toBeTruthy();
  });

  it('goes back to the message', async () => {
    const { onBack } = renderView(createFakeServices().services);
    fireEvent.click(screen.getByRole('button', { name: '← Back to the message' }));
    expect(onBack).toHaveBeenCalledOnce();
  });
});

describe('same person?', () => {
  it('asks whether Jess moved from the county to the state, naming both addresses', async () => {
    renderView(createFakeServices({ merges: [jessMerge] }).services);
    const card = await waitFor(() => cardOf('Jess Morgan moved from Orca County to Cascadia Department of Housing?'));
    expect(card.textContent).toContain(jessMerge.message);
    expect(within(card).getByRole('list', { name: 'Addresses' }).textContent).toContain(`${JESS} · Cascadia Department of Housing · last seen 2026-11-19 (kept as the main address)`);
  });

  it('"Same person" merges the older address into the newer one, then the suggestion leaves', async () => {
    const { services } = createFakeServices({ merges: [jessMerge] });
    const answer = deferred<{ primary: string; aliases: string[] }>();
    services.mergePeople = vi.fn(() => answer.promise);
    renderView(services);
    const card = await waitFor(() => cardOf(/^Jess Morgan moved/));
    fireEvent.click(within(card).getByRole('button', { name: 'Same person' }));
    expect(services.mergePeople).toHaveBeenCalledWith(JESS, JESS_COUNTY);
    // Acting: both answers off while the merge is awaited.
    expect((within(card).getByRole('button', { name: 'Same person' }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(card).getByRole('button', { name: 'Not the same' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(card).getByText('Merging…')).toBeTruthy();
    answer.resolve({ primary: JESS, aliases: [JESS_COUNTY] });
    await waitFor(() => expect(screen.queryByRole('heading', { level: 4, name: /^Jess Morgan moved/ })).toBeNull());
    expect(screen.getByText(`Jess Morgan: one person now. ${JESS_COUNTY} is an address of ${JESS}.`)).toBeTruthy();
  });

  it('"Not the same" keeps them apart for good', async () => {
    const { services, calls } = createFakeServices({ merges: [jessMerge] });
    const { onDecided } = renderView(services);
    fireEvent.click(within(await waitFor(() => cardOf(/^Jess Morgan moved/))).getByRole('button', { name: 'Not the same' }));
    await waitFor(() => expect(calls).toEqual(['keep-apart merge-jess']));
    await waitFor(() => expect(onDecided).toHaveBeenCalledOnce());
    expect(await screen.findByText(`${JESS_COUNTY} and ${JESS} stay two people.`)).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Nothing to review' })).toBeTruthy();
  });

  it("keeps the suggestion with the API's message when the merge is refused", async () => {
    const { services } = createFakeServices({ merges: [jessMerge] });
    services.mergePeople = vi.fn(async () => {
      throw new ApiError({ status: 409, code: 'conflict', message: `secondary: ${JESS_COUNTY} is already an alias of someone.else@example.org` });
    });
    const { onDecided } = renderView(services);
    const card = await waitFor(() => cardOf(/^Jess Morgan moved/));
    fireEvent.click(within(card).getByRole('button', { name: 'Same person' }));
    expect((await within(card).findByRole('alert')).textContent).toContain('is already an alias of someone.else@example.org');
    expect(onDecided).not.toHaveBeenCalled();
    expect((within(card).getByRole('button', { name: 'Same person' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('suggested groups', () => {
  it('shows each with its kind, evidence and people', async () => {
    renderView(createFakeServices({ groups: [workingGroup, network] }).services);
    const card = await waitFor(() => cardOf(workingGroup.name));
    expect(card.textContent).toContain('Working group');
    expect(card.textContent).toContain('Looks like a working group: 9 people, 14 meetings since May');
    expect(card.textContent).toContain('Jess Morgan, Renee Castillo and 7 more');
    expect(cardOf(network.name).textContent).toContain('Network');
  });

  it('"Create group" accepts it under the suggested name', async () => {
    const { services } = createFakeServices({ groups: [workingGroup, network] });
    const answer = deferred<{ group: { id: string; name: string } }>();
    services.acceptGroupSuggestion = vi.fn(() => answer.promise);
    renderView(services);
    const card = await waitFor(() => cardOf(workingGroup.name));
    fireEvent.click(within(card).getByRole('button', { name: 'Create group' }));
    expect(services.acceptGroupSuggestion).toHaveBeenCalledWith(workingGroup.id, undefined);
    expect(within(card).getByText('Creating the group…')).toBeTruthy();
    expect((within(card).getByRole('button', { name: 'Dismiss' }) as HTMLButtonElement).disabled).toBe(true);
    // The other suggestion can still be answered meanwhile.
    expect((within(cardOf(network.name)).getByRole('button', { name: 'Dismiss' }) as HTMLButtonElement).disabled).toBe(false);
    answer.resolve({ group: { id: 'g1', name: workingGroup.name } });
    expect(await screen.findByText(`Created the group "${workingGroup.name}".`)).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 4, name: workingGroup.name })).toBeNull();
  });

  it('"Rename…" creates it under the name typed, and Cancel goes back', async () => {
    const { services, calls } = createFakeServices({ groups: [workingGroup] });
    renderView(services);
    let card = await waitFor(() => cardOf(workingGroup.name));
    fireEvent.click(within(card).getByRole('button', { name: 'Rename…' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Cancel' }));
    card = cardOf(workingGroup.name);
    fireEvent.click(within(card).getByRole('button', { name: 'Rename…' }));
    const input = within(card).getByRole('textbox', { name: /Group name/ });
    fireEvent.change(input, { target: { value: '   ' } });
    expect((within(card).getByRole('button', { name: 'Create as named' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(input, { target: { value: '  Tri-level Homelessness WG ' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Create as named' }));
    await waitFor(() => expect(calls).toEqual([`accept ${workingGroup.id} Tri-level Homelessness WG`]));
    expect(await screen.findByText('Created the group "Tri-level Homelessness WG".')).toBeTruthy();
  });

  it('shows a taken name as the API words it, and lets the user rename and try again', async () => {
    const { services } = createFakeServices({ groups: [workingGroup] });
    services.acceptGroupSuggestion = vi.fn(async () => {
      throw new ApiError({ status: 409, code: 'conflict', message: `a group named "${workingGroup.name}" already exists; accept with another name` });
    });
    renderView(services);
    const card = await waitFor(() => cardOf(workingGroup.name));
    fireEvent.click(within(card).getByRole('button', { name: 'Create group' }));
    expect((await within(card).findByRole('alert')).textContent).toContain('already exists; accept with another name');
    expect((within(card).getByRole('button', { name: 'Rename…' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('"Dismiss" removes it for good', async () => {
    const { services, calls } = createFakeServices({ groups: [workingGroup, network] });
    renderView(services);
    fireEvent.click(within(await waitFor(() => cardOf(network.name))).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(calls).toEqual([`dismiss ${network.id}`]));
    expect(await screen.findByText(`Dismissed "${network.name}"; it will not be suggested again.`)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 4, name: workingGroup.name })).toBeTruthy();
  });
});
