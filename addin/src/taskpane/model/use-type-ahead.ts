// The search box's state: what the user typed, debounced, sent once it is long enough; an
// answer for text the user has since changed is dropped (the request is aborted too).
import { useEffect, useState } from 'react';
import { SEARCH_MAX_LENGTH, SEARCH_MIN_LENGTH, type SearchResults } from '../../../../shared/api/search-routes.ts';
import { isApiError } from '../../api/api-error.ts';
import type { SearchServices } from './search-services.ts';

export type TypeAheadState =
  | { status: 'idle' }
  | { status: 'loading'; text: string; results: SearchResults | null }
  | { status: 'ready'; text: string; results: SearchResults }
  | { status: 'error'; text: string; message: string };

export const TYPE_AHEAD_DELAY_MS = 250;

export function useTypeAhead(options: { services: SearchServices; text: string; delayMs?: number }): TypeAheadState {
  const { services } = options;
  const text = options.text.trim().slice(0, SEARCH_MAX_LENGTH);
  const [state, setState] = useState<TypeAheadState>({ status: 'idle' });
  const delay = options.delayMs ?? TYPE_AHEAD_DELAY_MS;

  useEffect(() => {
    if (text.length < SEARCH_MIN_LENGTH) {
      setState({ status: 'idle' });
      return;
    }
    // Keep the previous results on screen while the next ones load: the list does not jump.
    setState((previous) => ({ status: 'loading', text, results: previous.status === 'ready' || previous.status === 'loading' ? previous.results : null }));
    const controller = new AbortController();
    const timer = setTimeout(() => {
      services
        .search(text, controller.signal)
        .then((results) => {
          if (!controller.signal.aborted) setState({ status: 'ready', text, results });
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setState({ status: 'error', text, message: isApiError(error) ? error.message : 'Search failed.' });
        });
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [services, text, delay]);

  return state;
}
