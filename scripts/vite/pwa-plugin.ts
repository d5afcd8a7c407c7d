import type { PluginOption } from 'vite';

/** Offline support is configured in one place; see issue 5. */
export function pwaPlugin(): PluginOption {
  return [];
}
