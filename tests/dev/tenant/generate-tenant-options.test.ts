// The generator's options for benchmarks and folder tests must leave the default tenant (which the
// integration tests stand on) exactly as it was, and deliver the sizes they promise.
import { createHash } from 'node:crypto';
import { generateDemoTenant } from '../../../dev/tenant/generate-tenant.ts';
import type { DemoTenant, GraphMessage, Mailbox } from '../../../dev/tenant/tenant-types.ts';

/** sha256 of JSON.stringify(generateDemoTenant(options)) before the options existed. */
const FROZEN = [
  { options: undefined, sha256: '6b44db1535a04eb0851024dce645eee1c0c7da003f5e9d9d8b7173e19bb2a34c' },
  { options: { scale: 0.1 }, sha256: '6f034db8dc121138cb6d73989e16679fc0a5d5182f900913c0a52c4ef0cd9ef5' },
  { options: { seed: 7, scale: 0.05 }, sha256: '8761b4d0b7aca152f067ac83187e1cc51fd18892ef1a81390f81386c9542f451' },
];

function allMessages(of: DemoTenant): GraphMessage[] {
  return Object.values(of.mailboxes).flatMap((mailbox) => Object.values(mailbox.messages).flat());
}

/** Distinct addresses outside the tenant that appear on messages (from, to, cc). */
function externalAddresses(of: DemoTenant): Set<string> {
  const inside = new Set(of.users.map((user) => user.mail));
  const seen = new Set<string>();
  for (const mailbox of Object.values(of.mailboxes)) {
    for (const list of Object.values(mailbox.messages)) {
      for (const message of list) {
        for (const recipient of [message.from, ...message.toRecipients, ...message.ccRecipients]) {
          if (!inside.has(recipient.emailAddress.address)) seen.add(recipient.emailAddress.address);
        }
      }
    }
  }
  return seen;
}

function folderByName(mailbox: Mailbox, name: string): string {
  return mailbox.folders.find((folder) => folder.wellKnownName === name || folder.displayName === name)!.id;
}

describe('generateDemoTenant options', () => {
  it('leaves the default tenant byte-identical to what it has always been', () => {
    for (const { options, sha256 } of FROZEN) {
      expect(createHash('sha256').update(JSON.stringify(generateDemoTenant(options))).digest('hex'), JSON.stringify(options)).toBe(sha256);
    }
  });

  it('userFolders: files housing mail into Projects and Projects/Shelter Network, moved out of the inbox, same total', () => {
    const plain = generateDemoTenant({ scale: 0.3 });
    const filed = generateDemoTenant({ scale: 0.3, userFolders: true });
    expect(allMessages(filed)).toHaveLength(allMessages(plain).length);
    expect(filed.users).toEqual(plain.users);

    const withFolders = Object.values(filed.mailboxes).filter((mailbox) => mailbox.folders.length > 4);
    expect(withFolders.length).toBeGreaterThanOrEqual(3);
    for (const mailbox of withFolders) {
      const projects = mailbox.folders.find((folder) => folder.displayName === 'Projects')!;
      const shelters = mailbox.folders.find((folder) => folder.displayName === 'Shelter Network')!;
      expect(projects).toMatchObject({ wellKnownName: null, parentFolderId: null });
      expect(shelters).toMatchObject({ wellKnownName: null, parentFolderId: projects.id });
      const inbox = new Set(mailbox.messages[folderByName(mailbox, 'inbox')]!.map((message) => message.internetMessageId));
      for (const folder of [projects, shelters]) {
        for (const message of mailbox.messages[folder.id]!) {
          expect(message.parentFolderId).toBe(folder.id);
          expect(inbox.has(message.internetMessageId)).toBe(false);
        }
      }
    }
    const jess = filed.mailboxes[filed.users.find((user) => user.mail.startsWith('jess.'))!.id]!;
    expect(jess.messages[folderByName(jess, 'Shelter Network')]!.length).toBeGreaterThan(10);
    expect(jess.messages[folderByName(jess, 'Projects')]!.length).toBeGreaterThan(10);
    // The default tenant keeps the four well-known folders only.
    expect(Object.values(plain.mailboxes).every((mailbox) => mailbox.folders.length === 4)).toBe(true);
  });

  it('mailboxes and contacts: adds state staff with mail and partner contacts who all appear in mail', () => {
    const tenant = generateDemoTenant({ scale: 0.3, mailboxes: 18, contacts: 400 });
    expect(tenant.users).toHaveLength(18);
    expect(Object.keys(tenant.mailboxes)).toHaveLength(18);
    expect(Object.values(tenant.mailboxes).every((mailbox) => Object.values(mailbox.messages).some((list) => list.length > 0))).toBe(true);
    const externals = (tenant.people ?? []).filter((person) => !person.inTenant);
    expect(externals).toHaveLength(400);
    expect(new Set((tenant.people ?? []).map((person) => person.email)).size).toBe(tenant.people!.length);
    const seen = externalAddresses(tenant);
    expect(externals.filter((person) => !seen.has(person.email))).toEqual([]);
    // Jess's scenario is still there.
    expect(tenant.users.slice(0, 2).map((user) => user.mail)).toEqual(['dana.reyes@housing.cascadia.gov', 'jess.morgan@housing.cascadia.gov']);
    expect(tenant.seedMemberships).toEqual(generateDemoTenant({ scale: 0.05 }).seedMemberships);

    const few = generateDemoTenant({ scale: 0.05, mailboxes: 3 });
    expect(Object.keys(few.mailboxes)).toEqual(few.users.slice(0, 3).map((user) => user.id));
    expect(() => generateDemoTenant({ mailboxes: 0 })).toThrow();
    expect(() => generateDemoTenant({ contacts: 2.5 })).toThrow();
  });

  it('scale 1 with 20 mailboxes and 2,000 contacts: the benchmark shape at a tenth of the volume', { timeout: 60_000 }, () => {
    const tenant = generateDemoTenant({ mailboxes: 20, contacts: 2000 });
    expect(Object.keys(tenant.mailboxes)).toHaveLength(20);
    expect(allMessages(tenant).length).toBeGreaterThanOrEqual(20_000);
    expect(externalAddresses(tenant).size).toBeGreaterThanOrEqual(2_000);
  });

  // The full benchmark tenant takes 7–12 s and ~0.7 GB (more under load): run it with CROSSWALK_BIG_TENANT=1.
  it.runIf(process.env['CROSSWALK_BIG_TENANT'] === '1')(
    'scale 10 with 20 mailboxes and 2,000 contacts: ≥ 200,000 messages, ≥ 2,000 external contacts, in under 30 s',
    { timeout: 120_000 },
    () => {
      const started = performance.now();
      const tenant = generateDemoTenant({ scale: 10, mailboxes: 20, contacts: 2000 });
      const seconds = (performance.now() - started) / 1000;
      expect(Object.keys(tenant.mailboxes)).toHaveLength(20);
      let messages = 0;
      for (const mailbox of Object.values(tenant.mailboxes)) for (const list of Object.values(mailbox.messages)) messages += list.length;
      expect(messages).toBeGreaterThanOrEqual(200_000);
      expect(externalAddresses(tenant).size).toBeGreaterThanOrEqual(2_000);
      expect(seconds).toBeLessThan(30);
    },
  );
});
