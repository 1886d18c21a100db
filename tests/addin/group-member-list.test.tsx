// @vitest-environment jsdom
// A 5,000-member coalition on the group page: only a window of rows is rendered, screen readers
// hear each row's place in the whole list, the keyboard reaches any row (arrows, Page Down, End)
// and so does scrolling, and scrolling near the end fetches the next page by itself.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { GroupPage } from '../../addin/src/taskpane/components/group-page.tsx';
import type { Member } from '../../shared/domain/group.ts';
import { NOW } from './fixtures/demo-people.ts';
import { createFakeGroupServices, makeGroup, makeMember } from './fixtures/fake-group-services.ts';
import { installJsdomShims } from './fixtures/jsdom-setup.ts';

beforeAll(installJsdomShims);

const coalition = makeGroup({ name: 'Statewide Housing Coalition', kind: 'coalition' });
const members: Member[] = Array.from({ length: 5_000 }, (_, index) =>
  makeMember({ email: `member${String(index).padStart(4, '0')}@coalition.example.org`, groupId: coalition.id, displayName: `Member ${index + 1}` }),
);

function rows(): HTMLElement[] {
  return [...screen.getByRole('list', { name: 'Members' }).querySelectorAll<HTMLElement>(':scope > li')];
}
const positions = () => rows().map((row) => Number(row.getAttribute('aria-posinset')));
const scroller = () => screen.getByRole('list', { name: 'Members' }).parentElement as HTMLElement;

async function renderCoalition(pageSize: number) {
  const fake = createFakeGroupServices({ groups: [coalition], members: { [coalition.id]: members }, pageSize });
  render(<GroupPage services={fake.services} groupId={coalition.id} now={NOW} onBack={() => {}} />);
  await screen.findByRole('list', { name: 'Members' });
  return fake;
}

describe('A 5,000-member list', () => {
  it('renders only a window of rows, each telling its place in the whole list', async () => {
    await renderCoalition(5_000);
    const rendered = rows();
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(30);
    expect(rendered.every((row) => row.getAttribute('aria-setsize') === '5000')).toBe(true);
    expect(positions()[0]).toBe(1);
    expect(screen.getByRole('heading', { level: 4, name: 'Member 1' })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 4, name: 'Member 5000' })).toBeNull();
  });

  it('scrolling shows the rows at that place and no others', async () => {
    await renderCoalition(5_000);
    const element = scroller();
    const rowHeight = Number.parseFloat(rows()[0]!.style.height);
    element.scrollTop = rowHeight * 3_000;
    fireEvent.scroll(element);
    await waitFor(() => expect(screen.getByRole('heading', { level: 4, name: 'Member 3001' })).toBeTruthy());
    expect(screen.queryByRole('heading', { level: 4, name: 'Member 1' })).toBeNull();
    expect(rows().length).toBeLessThan(30);
    expect(Math.min(...positions())).toBeLessThanOrEqual(3_001);
    expect(Math.max(...positions())).toBeGreaterThan(3_001);
  });

  it('the keyboard reaches any row: arrows, Page Down, End and Home, with focus on the row', async () => {
    await renderCoalition(5_000);
    const first = rows()[0]!;
    // One tab stop: the first row; the others wait for the arrow keys.
    expect(rows().filter((row) => row.tabIndex === 0)).toEqual([first]);
    act(() => first.focus());

    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-posinset')).toBe('2'));
    fireEvent.keyDown(document.activeElement!, { key: 'PageDown' });
    await waitFor(() => expect(Number(document.activeElement?.getAttribute('aria-posinset'))).toBeGreaterThan(2));

    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-posinset')).toBe('5000'));
    expect(document.activeElement?.textContent).toContain('Member 5000');
    expect(rows().length).toBeLessThan(30);

    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-posinset')).toBe('1'));
  });

  it('fetches the next page by itself as the list nears its end, until the last member', async () => {
    const fake = await renderCoalition(500);
    expect(rows()[0]!.getAttribute('aria-setsize')).toBe('500');
    act(() => rows()[0]!.focus());
    for (let page = 1; page < 10; page += 1) {
      fireEvent.keyDown(document.activeElement!, { key: 'End' });
      await waitFor(() => expect(rows()[0]!.getAttribute('aria-setsize')).toBe(String((page + 1) * 500)));
    }
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-posinset')).toBe('5000'));
    expect(document.activeElement?.textContent).toContain('member4999@coalition.example.org');
    expect(fake.callsOf('listMembers')).toHaveLength(10);
    expect(screen.getByText('Showing 5,000 current members · 5,000 in the group (current and past).')).toBeTruthy();
  });
});
