// Reads every document of one container of a running stack, for tests that check what is stored.
import type { Stack } from '../../dev/stack.ts';

export async function readContainer(stack: Stack, name: 'interactions' | 'people' | 'edges' | 'groups') {
  return stack.store[name].items.readAll<Record<string, unknown>>().fetchAll();
}
