// Directory users added to the Graph stand-in at test time (a shared mailbox): listed by
// GET /users with accountEnabled as given, served a mailbox of their own, and the tenant object
// the server was started with left as it was.
import { ensureLocalCertificate } from '../../../dev/local-ca.ts';
import { startGraphServer, type GraphServer } from '../../../dev/graph-server/graph-server.ts';
import { generateDemoTenant } from '../../../dev/tenant/generate-tenant.ts';
import type { DemoTenant, GraphUser } from '../../../dev/tenant/tenant-types.ts';

const TOKEN = 'good-token';
let tenant: DemoTenant;
let server: GraphServer;

const shared: GraphUser = {
  id: '5a4f0d3e-0000-4000-8000-00000000beef',
  displayName: 'Housing Help Desk',
  givenName: '',
  surname: '',
  mail: 'housing.help@housing.cascadia.gov',
  userPrincipalName: 'housing.help@housing.cascadia.gov',
  jobTitle: null,
  department: null,
  companyName: null,
  officeLocation: null,
  businessPhones: [],
  accountEnabled: false,
};

async function get(path: string): Promise<{ status: number; body: { value: Record<string, unknown>[] } & Record<string, unknown> }> {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  return { status: response.status, body: (await response.json()) as { value: Record<string, unknown>[] } };
}

beforeAll(async () => {
  tenant = generateDemoTenant({ scale: 0.02 });
  const { key, cert } = await ensureLocalCertificate();
  server = await startGraphServer({ tenant, tls: { key, cert }, acceptToken: (token) => token === TOKEN });
});
afterAll(() => server.close());

it('lists an added user with accountEnabled as given (true for everyone else), serves its mailbox, and leaves the tenant object alone', async () => {
  const before = tenant.users.length;
  server.addUser(shared);
  expect(tenant.users).toHaveLength(before);
  const users: Record<string, unknown>[] = [];
  for (let next: string | null = '/users?$select=id,mail,accountEnabled'; next; ) {
    const page = await get(next.replace(server.baseUrl, ''));
    users.push(...page.body.value);
    next = (page.body['@odata.nextLink'] as string | undefined) ?? null;
  }
  expect(users).toHaveLength(before + 1);
  expect(users.find((user) => user['mail'] === shared.mail)).toMatchObject({ id: shared.id, accountEnabled: false });
  expect(users.filter((user) => user['accountEnabled'] === true)).toHaveLength(before);

  const folders = await get(`/users/${shared.id}/mailFolders/inbox`);
  expect(folders).toMatchObject({ status: 200, body: { totalItemCount: 0 } });
  expect(() => server.addUser(shared)).toThrow(/exists already/);
});
