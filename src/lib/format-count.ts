/**
 * "12,345": a count as the app writes it, with thousands separators. Not `toLocaleString`: loading the locale data
 * for it cost the search page over 100 ms of a throttled phone's main thread.
 */
export function formatCount(count: number): string {
  return String(Math.trunc(count)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
