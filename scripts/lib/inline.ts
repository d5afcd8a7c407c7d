/** Turns one line of newsletter markup into plain text and link nodes. Pure functions. */
import type { InlineNode } from '../../src/shared/bundle';
import { cleanUrl, trimBareUrl } from './links';

/** Inline markup removed from text: line breaks and bold/italic markers. */
const BREAK = /<br\s*\/?>/gi;
const EMPHASIS = /\*{2,3}/g;
const BARE_URL = /\bhttps?:\/\/[^\s<>"“”‘’]+/giu;
/** White space that collapsing changes: a run of two, or a tab, newline or other space than U+0020. */
const UNCOLLAPSED_SPACE = /\s\s|[^\S ]/;

/** What parsing a line produced, with messages about links that were refused. */
export interface InlineResult {
  nodes: InlineNode[];
  warnings: string[];
}

/** Removes `<br>` and bold markers and collapses white space; every other character is kept. */
export function cleanText(raw: string): string {
  // Each replacement runs only on text it would change: most lines have no break, bold or doubled space.
  let text = raw.includes('<') ? raw.replace(BREAK, ' ') : raw;
  if (text.includes('**')) text = text.replace(EMPHASIS, '');
  if (UNCOLLAPSED_SPACE.test(text)) text = text.replace(/\s+/g, ' ');
  return text.trim();
}

/** Plain text of inline nodes. */
export function nodesToText(nodes: readonly InlineNode[]): string {
  return nodes.map((node) => node.text).join('');
}

interface MarkdownLink {
  start: number;
  end: number;
  label: string;
  url: string;
}

/**
 * For each `(` the index of the `)` that closes it before any space or tab, or -1.
 * One stack pass, so finding links stays linear even when parentheses never close.
 */
function matchParentheses(text: string): Int32Array {
  const match = new Int32Array(text.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '(') open.push(i);
    else if (c === ')') {
      const start = open.pop();
      if (start !== undefined) match[start] = i;
    } else if (c === ' ' || c === '\t') open.length = 0;
  }
  return match;
}

/**
 * Finds each `[label](url)` in order, where the URL may itself contain balanced parentheses and the
 * label holds no `[`. Every search only moves forward, so the time is linear in the text.
 */
function* markdownLinks(text: string): Generator<MarkdownLink> {
  const closing = matchParentheses(text);
  let open = text.indexOf('[');
  let close = -1;
  while (open !== -1) {
    if (close <= open) close = text.indexOf('](', open + 1);
    if (close === -1) return;
    const next = text.indexOf('[', open + 1);
    if (next !== -1 && next < close) {
      open = next;
      continue;
    }
    const end = closing[close + 1] ?? -1;
    if (end === -1) {
      open = next;
      continue;
    }
    yield { start: open, end: end + 1, label: text.slice(open + 1, close), url: text.slice(close + 2, end) };
    open = text.indexOf('[', end + 1);
  }
}

function pushText(nodes: InlineNode[], text: string): void {
  if (text === '') return;
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') last.text += text;
  else nodes.push({ type: 'text', text });
}

function pushBareUrls(nodes: InlineNode[], text: string, warnings: string[]): void {
  // Every bare URL has a `://`: without one, the pattern would scan the whole text for nothing.
  if (!text.includes('://')) return pushText(nodes, text);
  let cursor = 0;
  for (const match of text.matchAll(BARE_URL)) {
    const start = match.index;
    const candidate = trimBareUrl(match[0]);
    const cleaned = cleanUrl(candidate);
    pushText(nodes, text.slice(cursor, start));
    if (cleaned.ok) nodes.push({ type: 'link', text: candidate, url: cleaned.url });
    else {
      warnings.push(`link dropped: ${cleaned.reason}`);
      pushText(nodes, candidate);
    }
    cursor = start + candidate.length;
  }
  pushText(nodes, text.slice(cursor));
}

/** Parses a line into text and link nodes; links with other schemes keep their words but lose the link. */
export function parseInline(raw: string): InlineResult {
  const text = cleanText(raw);
  const nodes: InlineNode[] = [];
  const warnings: string[] = [];
  let cursor = 0;
  for (const link of markdownLinks(text)) {
    pushBareUrls(nodes, text.slice(cursor, link.start), warnings);
    const cleaned = cleanUrl(link.url);
    const label = link.label.trim() || link.url;
    if (cleaned.ok) nodes.push({ type: 'link', text: label, url: cleaned.url });
    else {
      warnings.push(`link dropped: ${cleaned.reason}`);
      pushText(nodes, label);
    }
    cursor = link.end;
  }
  pushBareUrls(nodes, text.slice(cursor), warnings);
  return { nodes, warnings };
}
