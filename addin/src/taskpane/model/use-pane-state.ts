// The task pane's state machine: read the open item, look its participants up, follow
// ItemChanged. Every load carries a generation number; an answer for an older item (the user
// clicked on before it arrived) is dropped, so the pane never shows a stale card.
import { useCallback, useEffect, useRef, useState } from 'react';
import { normalizeEmail } from '../../../../shared/domain/email-address.ts';
import type { PersonCard } from '../../../../shared/domain/person-card.ts';
import { isApiError } from '../../api/api-error.ts';
import type { MailItemSnapshot } from '../../office/participant.ts';
import { orderParticipants } from './order-participants.ts';
import type { OrderedParticipant } from './order-participants.ts';
import type { TaskPaneServices } from './task-pane-services.ts';

export type PaneState =
  | { status: 'reading-item' }
  | { status: 'no-item' }
  | { status: 'empty'; item: MailItemSnapshot }
  | { status: 'loading'; item: MailItemSnapshot; participants: OrderedParticipant[] }
  | { status: 'error'; item: MailItemSnapshot | null; participants: OrderedParticipant[]; message: string }
  | { status: 'ready'; item: MailItemSnapshot; participants: OrderedParticipant[]; cards: ReadonlyMap<string, PersonCard> };

export function usePaneState(services: TaskPaneServices): { state: PaneState; retry: () => void; refreshCards: () => void } {
  const [state, setState] = useState<PaneState>({ status: 'reading-item' });
  const generation = useRef(0);
  const inFlight = useRef<AbortController | null>(null);
  const servicesRef = useRef(services);
  servicesRef.current = services;
  const stateRef = useRef(state);
  stateRef.current = state;

  const load = useCallback(async () => {
    const current = ++generation.current;
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    const isStale = () => current !== generation.current;
    const svc = servicesRef.current;

    let item: MailItemSnapshot | null;
    let participants: OrderedParticipant[] = [];
    try {
      item = await svc.readCurrentItem();
      if (isStale()) return;
      if (!item) {
        setState({ status: 'no-item' });
        return;
      }
      participants = orderParticipants({ item, userEmail: svc.getUserEmail() });
      if (participants.length === 0) {
        setState({ status: 'empty', item });
        return;
      }
      setState({ status: 'loading', item, participants });
      const people = await svc.lookupPeople(
        participants.map((p) => p.key),
        controller.signal,
      );
      if (isStale()) return;
      setState({ status: 'ready', item, participants, cards: indexCards(people) });
    } catch (error) {
      if (isStale()) return;
      setState((previous) => ({
        status: 'error',
        item: 'item' in previous ? previous.item : null,
        participants,
        message: describeError(error),
      }));
    }
  }, []);

  useEffect(() => {
    void load();
    let unsubscribe: (() => void) | null = null;
    let unmounted = false;
    void servicesRef.current
      .onItemChanged(() => void load())
      .then((off) => {
        if (unmounted) off();
        else unsubscribe = off;
      });
    return () => {
      unmounted = true;
      generation.current++;
      inFlight.current?.abort();
      unsubscribe?.();
    };
  }, [load]);

  const retry = useCallback(() => void load(), [load]);

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
      )
      .then((people) => {
        if (current !== generation.current) return;
        setState({ ...snapshot, cards: indexCards(people) });
      })
      .catch(() => {});
  }, []);

  return { state, retry, refreshCards };
}

function indexCards(people: PersonCard[]): ReadonlyMap<string, PersonCard> {
  return new Map(people.map((card) => [normalizeEmail(card.email), card]));
}

function describeError(error: unknown): string {
  if (isApiError(error)) return error.message;
  return 'Something went wrong while loading the people on this message.';
}
