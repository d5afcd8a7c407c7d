/**
 * The search page drawn before React has rendered anything: on a first page at /search, the worker's early answer (its
 * first screen of results) goes straight into index.html's shell, with the search page's own markup and classes
 * (search-page-classes.ts). React's first render then replaces it with the same page, results included, so nothing
 * moves or flashes; the reader sees the results without waiting for that render (70–130 ms of main thread at 10,000
 * entries on this machine, several times that on a slow phone). Plain DOM and text nodes, never HTML.
 */
import { dateWithinIssue, issueDayOf } from '@/components/entry/entry-dates';
import { entryPath, issuePath } from '@/components/entry/paths';
import { SITE_NAME } from '@/components/hooks/use-page-title';
import { buttonClasses } from '@/components/ui/button';
import { formatDate } from '@/components/ui/formatted-date';
import * as css from '@/features/search/components/search-page-classes';
import { countText } from '@/features/search/lib/count-text';
import type { TextSegment } from '@/features/search/lib/highlight';
import { prewarmedWorker } from '@/features/search/lib/search-worker-start';
import type { FromSearchWorker, WireSearchHit } from '@/features/search/worker/protocol';
import { ENTRY_KIND_LABELS } from '@/shared/labels';

/** The icons' size in those buttons, kept as empty boxes so the buttons are as wide as the real ones. */
const ICON = 'inline-block size-4';

/** The sort order's choices as the page lists them: the widest sets the select's width. */
const SORT_CHOICES = ['Relevance', 'Issue, newest first', 'Issue, oldest first', 'Paper date, newest first'];

type Child = Node | string | null | false;

/** An element with attributes and children; strings become text nodes. */
function element(tag: string, attributes: Record<string, string>, ...children: Child[]): HTMLElement {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== false) made.append(child);
  return made;
}

/** Text with its matched words in <mark>, as HighlightedText renders it. */
function highlighted(segments: readonly TextSegment[]): Node[] {
  return segments.map((segment) =>
    segment.mark ? element('mark', { class: css.MATCH }, segment.text) : document.createTextNode(segment.text),
  );
}

/** The app's base path before an in-app path, as react-router's links write it. */
const href = (path: string) => `${import.meta.env.BASE_URL.replace(/\/$/, '')}${path}`;

/** One result, as search-results.tsx's ResultItem renders an unread one; its bookmark button is a placeholder. */
function result({ entry, headline, snippet, fields }: WireSearchHit): HTMLElement {
  const headingId = `result-${entry.id}`;
  const issueDay = issueDayOf(entry.issueId);
  const dates = element(
    'p',
    { class: css.RESULT_DATES },
    element(
      'span',
      {},
      `${ENTRY_KIND_LABELS[entry.kind]}, `,
      element('time', { datetime: entry.publishedOn }, dateWithinIssue(entry.publishedOn, issueDay)),
    ),
    element('span', { 'aria-hidden': 'true' }, '·'),
    element(
      'a',
      { href: href(issuePath(entry.issueId)), class: css.RESULT_ISSUE_LINK },
      `Issue of ${formatDate(issueDay ?? entry.issueId)}`,
    ),
  );
  const link = element('a', { href: href(entryPath(entry.id)), class: css.RESULT_LINK }, ...highlighted(headline));
  const organisations =
    entry.organizations.length > 0 &&
    element(
      'p',
      { class: css.RESULT_ORGANISATIONS },
      element('span', { class: 'sr-only' }, 'Organisations: '),
      entry.organizations.join(' · '),
    );
  const matched =
    fields.length > 0 &&
    element(
      'p',
      { class: css.RESULT_FIELDS },
      element('span', {}, 'Matched in'),
      ...fields.map((field) => element('span', { class: css.RESULT_FIELD }, css.FIELD_LABELS[field])),
    );
  return element(
    'li',
    {},
    element(
      'article',
      { 'data-entry-id': entry.id, 'aria-labelledby': headingId, class: css.RESULT },
      element(
        'div',
        { class: 'flex items-start gap-3' },
        element(
          'div',
          { class: 'min-w-0 flex-1' },
          dates,
          element('h3', { id: headingId, class: css.resultHeadline(false) }, link),
          organisations,
        ),
        element('div', { class: 'shrink-0', 'aria-hidden': 'true' }, element('span', { class: css.BOOKMARK_SLOT })),
      ),
      element('p', { class: css.RESULT_SNIPPET }, ...highlighted(snippet)),
      matched,
    ),
  );
}

/** The search page as drawn before the app renders: its count line, to fill in, and its list of results, to add to. */
interface DrawnPage {
  count: HTMLElement;
  list: HTMLElement;
}

/**
 * The search page for `query` as SearchPage renders it while its answer is on its way, into `main`. Its controls are
 * drawn inert: they work once React has rendered, moments later.
 */
function drawPage(main: Element, query: string): DrawnPage {
  const wide = window.matchMedia(css.WIDE_SCREEN).matches;
  const narrow = window.matchMedia(css.NARROW_SCREEN).matches;
  const box = element(
    'div',
    { class: css.QUERY_ROW, inert: '' },
    element(
      'div',
      { class: 'relative min-w-0 flex-1' },
      element('span', { class: css.QUERY_ICON }),
      element('input', {
        type: 'text',
        value: query,
        placeholder: css.placeholder(narrow),
        'aria-label': 'Search entries',
        class: css.QUERY_BOX,
      }),
    ),
    element('span', { class: buttonClasses({ className: 'h-11' }) }, element('span', { class: ICON }), 'Search tips'),
  );
  const count = element('p', { class: css.COUNT }, countText(0, 'idle', false, query));
  const controls = element(
    'div',
    { class: css.CONTROLS_ROW, inert: '' },
    count,
    element(
      'label',
      { class: css.CONTROL_LABEL },
      'Sort',
      element(
        'select',
        { class: css.SORT_SELECT },
        ...SORT_CHOICES.map((choice, i) => element('option', i === 0 ? { selected: '' } : {}, choice)),
      ),
    ),
    element(
      'label',
      { class: css.CONTROL_LABEL },
      element('input', { type: 'checkbox', class: css.GROUP_CHECKBOX }),
      'Group by paper',
    ),
  );
  const filters = wide
    ? element('section', { inert: '' }, element('h2', { class: css.FILTERS_HEADING }, 'Filters'))
    : element(
        'div',
        { class: 'mb-4', inert: '' },
        element('span', { class: buttonClasses({ size: 'sm' }) }, element('span', { class: ICON }), 'Filters'),
      );
  const list = element('ol', { class: css.RESULT_LIST });
  const results = element('section', { class: 'min-w-0', 'aria-label': 'Results' }, list);
  main.replaceChildren(
    element('h1', { class: css.HEADING }, 'Search the archive'),
    box,
    controls,
    element('div', { class: css.BODY_GRID }, filters, results),
  );
  document.title = query ? `Search: ${query} · ${SITE_NAME}` : `Search · ${SITE_NAME}`;
  // Laid out now rather than with the first result: the page's first layout (its fonts looked up) took 40–60 ms here.
  void main.getBoundingClientRect();
  return { count, list };
}

/** The next task, after the browser has had a chance to paint. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What the page waits for before its first render on a first page at /search. */
export interface FirstScreen {
  /**
   * Resolves once the early answer is drawn, or none will come (the query needs the whole index, the worker failed),
   * or `waitMs` have passed; from then on nothing is drawn, so React's first render is the only one that follows.
   */
  settle(waitMs: number): Promise<void>;
}

/**
 * Draws the search page into index.html's shell (`#root main`) at once, for a URL with a query alone (anything else
 * has no early answer, or draws more, such as filter chips), and then the worker's early answer as soon as it arrives,
 * until {@link FirstScreen.settle} ends the wait. Nothing is drawn without a prewarmed worker (dev, or no Web Workers).
 */
export function watchFirstScreen(): FirstScreen {
  const warm = prewarmedWorker();
  const params = new URLSearchParams(window.location.search);
  const main = document.querySelector('#root main');
  const query = (params.get('q') ?? '').trim();
  const plain = query !== '' && [...params.keys()].every((key) => key === 'q');
  if (!warm || warm.failed || !main || !plain) return { settle: () => Promise.resolve() };
  // Drawn now, while the answer is on its way: laid out then, it leaves less to do once the answer is in.
  const page = drawPage(main, query);
  let decided: () => void = () => {};
  const decision = new Promise<void>((resolve) => (decided = resolve));
  let stopped = false;
  let answered = false;
  const draw = (message: FromSearchWorker) => {
    if (stopped || answered) return;
    if (message.type === 'no-early' || message.type === 'error') return decided();
    if (message.type !== 'early') return;
    answered = true;
    const { response, request } = message;
    page.count.textContent = countText(response.total, response.status, false, request.query.trim());
    // One result per task: drawn and laid out at once, four held the main thread for 60–75 ms on this machine.
    void (async () => {
      for (const [n, hit] of response.hits.entries()) {
        if (n > 0) await nextTask();
        if (!stopped) page.list.append(result(hit));
      }
      decided();
    })();
  };
  const receive = (event: MessageEvent<FromSearchWorker>) => draw(event.data);
  warm.worker.addEventListener('message', receive);
  warm.worker.addEventListener('error', decided);
  warm.said.forEach(draw);
  return {
    settle: async (waitMs) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([decision, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
      clearTimeout(timer);
      stopped = true;
      warm.worker.removeEventListener('message', receive);
      warm.worker.removeEventListener('error', decided);
    },
  };
}
