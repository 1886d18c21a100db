// The task pane's state machine: read the open item, look its participants up, follow
// ItemChanged (a pinned pane) and a draft's RecipientsChanged. Every load carries a generation
// number; an answer for an older item (the user clicked on before it arrived) is dropped, so
// the pane never paints a stale card. Cards already fetched in this session show at once while
// they are looked up again (no flash of skeletons for people just seen), and the names on the
// new item replace the old ones immediately, so switching never shows the previous message.
import { useCallback, useEffect, useRef, useState } from 'react';
import { normalizeEmail } from '../../../../shared/domain/email-address.ts';
import type { PersonCard } from '../../../../shared/domain/person-card.ts';
import type { SenderSafety } from '../../../../shared/domain/sender-safety.ts';
import type { MailItemSnapshot } from '../../office/participant.ts';
import { describePaneError, type PaneError } from './describe-pane-error.ts';
import type { LookupAnswer } from './lookup-people.ts';
import { markPaneTiming, PANE_MARKS } from './mark-pane-timing.ts';
import { orderParticipants } from './order-participants.ts';
import type { OrderedParticipant } from './order-participants.ts';
import type { TaskPaneServices } from './task-pane-services.ts';

export type CardMap = ReadonlyMap<string, PersonCard>;
/** First contact and safety per address: only unknown or suspicious ones have an entry. */
export type SafetyMap = ReadonlyMap<string, SenderSafety>;

export type PaneState =
  | { status: 'reading-item' }
  | { status: 'no-item' }
  | { status: 'empty'; item: MailItemSnapshot }
  /** `cards` holds the participants already known from this session; the others are on their way. */
  | { status: 'loading'; item: MailItemSnapshot; participants: OrderedParticipant[]; cards: CardMap; safety: SafetyMap }
  | { status: 'error'; item: MailItemSnapshot | null; participants: OrderedParticipant[]; cards: CardMap; safety: SafetyMap; error: PaneError }
  | { status: 'ready'; item: MailItemSnapshot; participants: OrderedParticipant[]; cards: CardMap; safety: SafetyMap };

/** How long a fetched card may stand in while it is looked up again. */
const CARD_CACHE_MS = 10 * 60_000;

type LoadReason = 'item' | 'recipients' | 'retry';

export function usePaneState(services: TaskPaneServices): { state: PaneState; retry: () => void; refreshCards: () => void } {
  const [state, setState] = useState<PaneState>({ status: 'reading-item' });
  const generation = useRef(0);
  const inFlight = useRef<AbortController | null>(null);
  const servicesRef = useRef(services);
  servicesRef.current = services;
  const stateRef = useRef(state);
  stateRef.current = state;
  const cache = useRef(new Map<string, { card: PersonCard; safety: SenderSafety | undefined; storedAt: number }>());
  const recipientsSubscription = useRef<Promise<() => void> | null>(null);

  const remember = useCallback((result: LookupAnswer | PersonCard[]): { cards: CardMap; safety: SafetyMap } => {
    const answer = Array.isArray(result) ? { people: result } : result;
    const cards = indexCards(answer.people);
    const safety = new Map((answer.safety ?? []).map((entry) => [normalizeEmail(entry.email), entry]));
    const now = Date.now();
    for (const [key, card] of cards) cache.current.set(key, { card, safety: safety.get(key), storedAt: now });
    return { cards, safety };
  }, []);

  const recall = useCallback((participants: readonly OrderedParticipant[]): { cards: CardMap; safety: SafetyMap } => {
    const now = Date.now();
    const cards = new Map<string, PersonCard>();
    const safety = new Map<string, SenderSafety>();
    for (const { key } of participants) {
      const entry = cache.current.get(key);
      if (!entry || now - entry.storedAt >= CARD_CACHE_MS) continue;
      cards.set(key, entry.card);
      if (entry.safety) safety.set(key, entry.safety);
    }
    return { cards, safety };
  }, []);

  const load = useCallback(
    async (reason: LoadReason) => {
      const current = ++generation.current;
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      const isStale = () => current !== generation.current;
      const svc = servicesRef.current;
      if (reason === 'item') {
        markPaneTiming(PANE_MARKS.itemChanged, { generation: current });
        // Another item: the old draft's recipients are no longer the pane's business.
        const previous = recipientsSubscription.current;
        recipientsSubscription.current = null;
        void previous?.then((off) => off());
      }

      let item: MailItemSnapshot | null = null;
      let participants: OrderedParticipant[] = [];
      let known: { cards: CardMap; safety: SafetyMap } = { cards: new Map(), safety: new Map() };
      try {
        item = await svc.readCurrentItem();
        if (isStale()) return;
        if (!item) {
          setState({ status: 'no-item' });
          return;
        }
        if (item.mode === 'compose' && svc.onRecipientsChanged && !recipientsSubscription.current) {
          recipientsSubscription.current = svc.onRecipientsChanged(() => void load('recipients'));
        }
        participants = orderParticipants({ item, userEmail: svc.getUserEmail() });
        if (participants.length === 0) {
          setState({ status: 'empty', item });
          return;
        }
        known = recall(participants);
        setState({ status: known.cards.size === participants.length ? 'ready' : 'loading', item, participants, ...known });
        const answer = await svc.lookupPeople(
          participants.map((p) => p.key),
          controller.signal,
          { names: describeNames(participants) },
        );
        if (isStale()) return;
        setState({ status: 'ready', item, participants, ...remember(answer) });
      } catch (error) {
        if (isStale()) return;
        setState({
          status: 'error',
          item,
          participants,
          ...known,
          error: describePaneError(error, { online: isOnline() }),
        });
      }
    },
    [recall, remember],
  );

  useEffect(() => {
    void load('item');
    let unsubscribe: (() => void) | null = null;
    let unmounted = false;
    void servicesRef.current
      .onItemChanged(() => void load('item'))
      .then((off) => {
        if (unmounted) off();
        else unsubscribe = off;
      });
    // Offline: try again by itself as soon as the browser is back online.
    const onOnline = () => {
      const snapshot = stateRef.current;
      if (snapshot.status === 'error' && snapshot.error.kind === 'offline') void load('retry');
    };
    window.addEventListener('online', onOnline);
    return () => {
      unmounted = true;
      generation.current++;
      inFlight.current?.abort();
      unsubscribe?.();
      window.removeEventListener('online', onOnline);
      void recipientsSubscription.current?.then((off) => off());
      recipientsSubscription.current = null;
    };
  }, [load]);

  const retry = useCallback(() => void load('retry'), [load]);

  /**
   * Looks the same participants up again after a membership change, keeping the cards on
   * screen meanwhile (no loading state, so the add panel and focus stay where they are).
   * A failure keeps the cards as they were; a newer load or item change wins.
   */
  const refreshCards = useCallback(() => {
    const snapshot = stateRef.current;
    if (snapshot.status !== 'ready') return;
    const current = ++generation.current;
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    servicesRef.current
      .lookupPeople(
        snapshot.participants.map((p) => p.key),
        controller.signal,
        { names: describeNames(snapshot.participants) },
      )
      .then((answer) => {
        if (current !== generation.current) return;
        setState({ ...snapshot, ...remember(answer) });
      })
      .catch(() => {});
  }, [remember]);

  return { state, retry, refreshCards };
}

function indexCards(people: PersonCard[]): CardMap {
  return new Map(people.map((card) => [normalizeEmail(card.email), card]));
}

/** The display names Outlook shows, by key, for the first-contact checks (names equal to the address say nothing). */
function describeNames(participants: readonly OrderedParticipant[]): ReadonlyMap<string, string> {
  return new Map(participants.filter((p) => p.displayName && normalizeEmail(p.displayName) !== normalizeEmail(p.email)).map((p) => [p.key, p.displayName]));
}

function isOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}
