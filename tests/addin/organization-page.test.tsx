// @vitest-environment jsdom
// The organization page: loading, then what is known (kind, place, every domain, the team's
// changes) with focus on its name; an error with a retry; Back.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { OrganizationPage } from '../../addin/src/taskpane/components/organization-page.tsx';
import type { SearchServices } from '../../addin/src/taskpane/model/search-services.ts';
import { NOW } from './fixtures/demo-people.ts';
import { createFakeSearchServices, orcaCounty } from './fixtures/fake-search-services.ts';
import { installJsdomShims } from './fixtures/jsdom-setup.ts';

beforeAll(installJsdomShims);

describe('OrganizationPage', () => {
  it('loads the organization and shows what is known, with focus on its name', async () => {
    const { services } = createFakeSearchServices();
    render(<OrganizationPage id="org-orca" services={services} now={NOW} onBack={() => {}} backLabel="Back" />);
    expect(screen.getByText('Loading the organization…')).toBeTruthy();
    const heading = await screen.findByRole('heading', { level: 2, name: 'Orca County' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const page = screen.getByRole('article', { name: 'Orca County' });
    const about = within(within(page).getByRole('region', { name: 'About' }));
    expect(about.getByText('County')).toBeTruthy();
    expect(about.getByText('CA')).toBeTruthy();
    expect(about.getByText("your organization's directory")).toBeTruthy();
    expect(within(within(page).getByRole('region', { name: 'Domains' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(orcaCounty.domains);
    expect(within(page).getByRole('region', { name: 'Changes by your team' }).textContent).toContain('Renamed from Orca Co. · dana.reyes@housing.cascadia.gov, Feb 1');
  });

  it('shows an error with a retry, and goes back', async () => {
    let fail = true;
    const services: SearchServices = {
      search: async () => ({ people: [], organizations: [], groups: [] }),
      readOrganization: async () => {
        if (fail) throw new TypeError('network down');
        return orcaCounty;
      },
    };
    const back = vi.fn();
    render(<OrganizationPage id="org-orca" services={services} now={NOW} onBack={back} backLabel="Back to search" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the organization');
    expect(alert.textContent).not.toContain('network down');
    fail = false;
    await act(async () => fireEvent.click(within(alert).getByRole('button', { name: 'Retry' })));
    expect(await screen.findByRole('heading', { level: 2, name: 'Orca County' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '← Back to search' }));
    expect(back).toHaveBeenCalledTimes(1);
  });
});
