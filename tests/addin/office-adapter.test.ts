// The office.js adapter against a fake Office global shaped like Outlook's: read mode arrays,
// compose mode getAsync callbacks, ItemChanged fan-out, theme, user email.
import { getUserEmail } from '../../addin/src/office/get-user-email.ts';
import { onItemChanged } from '../../addin/src/office/on-item-changed.ts';
import { onRecipientsChanged } from '../../addin/src/office/on-recipients-changed.ts';
import { readCurrentItem } from '../../addin/src/office/read-current-item.ts';
import { onPaneAppearanceChanged, readOfficeTheme, readPaneAppearance } from '../../addin/src/office/read-office-theme.ts';

type Handler = () => void;

function installFakeOffice(mailbox: Record<string, unknown>, officeTheme?: { bodyBackgroundColor: string }) {
  const handlers = new Map<string, Handler[]>();
  const fullMailbox = {
    ...mailbox,
    addHandlerAsync: vi.fn((type: string, handler: Handler, callback: (r: { status: string }) => void) => {
      handlers.set(type, [...(handlers.get(type) ?? []), handler]);
      setTimeout(() => callback({ status: 'succeeded' }), 0);
    }),
    removeHandlerAsync: vi.fn((type: string) => handlers.delete(type)),
  };
  (globalThis as Record<string, unknown>).Office = {
    context: { mailbox: fullMailbox, officeTheme },
    EventType: { ItemChanged: 'olkItemSelectedChanged', OfficeThemeChanged: 'officeThemeChanged', RecipientsChanged: 'olkRecipientsChanged' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  };
  return { fire: (type: string) => handlers.get(type)?.forEach((h) => h()), mailbox: fullMailbox };
}

const recipients = (list: { emailAddress: string; displayName: string; recipientType?: string }[]) => ({
  getAsync: (callback: (r: { status: string; value: unknown }) => void) => setTimeout(() => callback({ status: 'succeeded', value: list }), 0),
});

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
});

describe('readCurrentItem', () => {
  it('reads a message in read mode from the item arrays', async () => {
    installFakeOffice({
      item: {
        itemType: 'message',
        itemId: 'AAMk-1',
        subject: 'Shelter bed counts',
        from: { emailAddress: 'jess@state.gov', displayName: 'Jess Morgan' },
        to: [{ emailAddress: 'dana@state.gov', displayName: 'Dana Reyes' }],
        cc: [{ emailAddress: 'sam@shelter.org', displayName: '' }],
      },
    });
    expect(await readCurrentItem()).toEqual({
      mode: 'read',
      itemId: 'AAMk-1',
      subject: 'Shelter bed counts',
      from: { email: 'jess@state.gov', displayName: 'Jess Morgan' },
      to: [{ email: 'dana@state.gov', displayName: 'Dana Reyes' }],
      cc: [{ email: 'sam@shelter.org', displayName: 'sam@shelter.org' }],
    });
  });

  it('reads a draft in compose mode through getAsync, Bcc and Outlook\'s recipient types included', async () => {
    installFakeOffice({
      item: {
        itemType: 'message',
        subject: { getAsync: (cb: (r: unknown) => void) => cb({ status: 'succeeded', value: 'Re: beds' }) },
        to: recipients([{ emailAddress: 'jess@state.gov', displayName: 'Jess Morgan', recipientType: 'user' }]),
        cc: recipients([]),
        bcc: recipients([{ emailAddress: 'sam@shelter.org', displayName: 'Sam', recipientType: 'externalUser' }]),
      },
    });
    expect(await readCurrentItem()).toEqual({
      mode: 'compose',
      itemId: null,
      subject: 'Re: beds',
      from: null,
      to: [{ email: 'jess@state.gov', displayName: 'Jess Morgan', recipientType: 'user' }],
      cc: [],
      bcc: [{ email: 'sam@shelter.org', displayName: 'Sam', recipientType: 'externalUser' }],
    });
  });

  it('fails when Outlook fails to read the recipients', async () => {
    installFakeOffice({
      item: { to: { getAsync: (cb: (r: unknown) => void) => cb({ status: 'failed', error: { message: 'Access denied' } }) } },
    });
    await expect(readCurrentItem()).rejects.toThrow('Access denied');
  });

  it('returns null when no item is selected', async () => {
    installFakeOffice({ item: null });
    expect(await readCurrentItem()).toBeNull();
  });
});

describe('onItemChanged', () => {
  it('registers with Outlook once and keeps other listeners when one unsubscribes', async () => {
    const { fire, mailbox } = installFakeOffice({ item: null });
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = await onItemChanged(first);
    await onItemChanged(second);
    offFirst();
    fire('olkItemSelectedChanged');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    expect(mailbox.addHandlerAsync).toHaveBeenCalledTimes(1);
    expect(mailbox.removeHandlerAsync).not.toHaveBeenCalled();
  });
});

describe('onRecipientsChanged', () => {
  it("follows the draft's recipients through one item-level handler", async () => {
    const itemHandlers = new Map<string, () => void>();
    const item = {
      to: recipients([]),
      addHandlerAsync: vi.fn((type: string, handler: () => void, callback: (r: { status: string }) => void) => {
        itemHandlers.set(type, handler);
        setTimeout(() => callback({ status: 'succeeded' }), 0);
      }),
    };
    installFakeOffice({ item });
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = await onRecipientsChanged(first);
    await onRecipientsChanged(second);
    itemHandlers.get('olkRecipientsChanged')?.();
    offFirst();
    itemHandlers.get('olkRecipientsChanged')?.();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
    expect(item.addHandlerAsync).toHaveBeenCalledTimes(1);
  });

  it('is a no-op where the item has no events (read mode, older hosts)', async () => {
    installFakeOffice({ item: { to: [] } });
    const off = await onRecipientsChanged(vi.fn());
    expect(() => off()).not.toThrow();
  });
});

describe('readPaneAppearance', () => {
  function stubForcedColors(initial: boolean) {
    let matches = initial;
    const listeners = new Set<() => void>();
    const original = (globalThis as { window?: unknown }).window;
    (globalThis as { window?: unknown }).window = {
      matchMedia: (query: string) => ({
        get matches() {
          return query === '(forced-colors: active)' && matches;
        },
        addEventListener: (_: string, listener: () => void) => listeners.add(listener),
        removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
      }),
    };
    return {
      set(value: boolean) {
        matches = value;
        for (const listener of [...listeners]) listener();
      },
      listeners,
      restore: () => ((globalThis as { window?: unknown }).window = original),
    };
  }

  it('is high contrast while the system forces colours, whatever the Office theme', async () => {
    installFakeOffice({ item: null }, { bodyBackgroundColor: '#ffffff' });
    const forced = stubForcedColors(true);
    try {
      expect(readPaneAppearance()).toBe('high-contrast');
      const seen: string[] = [];
      const off = await onPaneAppearanceChanged((appearance) => seen.push(appearance));
      forced.set(false);
      expect(seen).toEqual(['light']);
      off();
      expect(forced.listeners.size).toBe(0);
    } finally {
      forced.restore();
    }
  });

  it('is the Office theme otherwise', () => {
    installFakeOffice({ item: null }, { bodyBackgroundColor: '#1f1f1f' });
    const forced = stubForcedColors(false);
    try {
      expect(readPaneAppearance()).toBe('dark');
    } finally {
      forced.restore();
    }
  });
});

describe('getUserEmail and readOfficeTheme', () => {
  it('reads the profile address and the theme', () => {
    installFakeOffice({ item: null, userProfile: { emailAddress: ' dana@state.gov ' } }, { bodyBackgroundColor: '#1f1f1f' });
    expect(getUserEmail()).toBe('dana@state.gov');
    expect(readOfficeTheme()).toBe('dark');
  });

  it('falls back to null and light outside Outlook', () => {
    installFakeOffice({ item: null });
    expect(getUserEmail()).toBeNull();
    expect(readOfficeTheme()).toBe('light');
  });
});
