/** Turns one line of newsletter markup into plain text and link nodes. Pure functions. */
import type { InlineNode } from '../../src/shared/bundle';
import { cleanUrl, trimBareUrl } from './links';

/** Inline markup removed from text: line breaks and bold/italic markers. */
const BREAK = /<br\s*\/?>/gi;
const EMPHASIS = /\*{2,3}/g;
const BARE_URL = /\bhttps?:\/\/[^\s<>"“”‘’]+/giu;

/** What parsing a line produced, with messages about links that were refused. */
export interface InlineResult {
  nodes: InlineNode[];
  warnings: string[];
}

/** Removes `<br>` and bold markers and collapses white space; every other character is kept. */
export function cleanText(raw: string): string {
  return raw.replace(BREAK, ' ').replace(EMPHASIS, '').replace(/\s+/g, ' ').trim();
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

/** Finds `[label](url)` where the URL may itself contain balanced parentheses. */
function findMarkdownLink(text: string, from: number): MarkdownLink | null {
  let open = text.indexOf('[', from);
  while (open !== -1) {
    const close = text.indexOf('](', open + 1);
    if (close === -1) return null;
    const label = text.slice(open + 1, close);
    if (label.includes('[')) {
      open = text.indexOf('[', open + 1);
      continue;
    }
    let depth = 1;
    let i = close + 2;
    for (; i < text.length && depth > 0; i += 1) {
      const c = text[i];
      if (c === '(') depth += 1;
      else if (c === ')') depth -= 1;
      else if (c === ' ' || c === '\t') break;
    }
    if (depth === 0) return { start: open, end: i, label, url: text.slice(close + 2, i - 1) };
    open = text.indexOf('[', open + 1);
  }
  return null;
}

function pushText(nodes: InlineNode[], text: string): void {
  if (text === '') return;
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') last.text += text;
  else nodes.push({ type: 'text', text });
}

function pushBareUrls(nodes: InlineNode[], text: string, warnings: string[]): void {
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
  const text = raw.replace(BREAK, ' ').replace(EMPHASIS, '').replace(/\s+/g, ' ').trim();
  const nodes: InlineNode[] = [];
  const warnings: string[] = [];
  let cursor = 0;
  for (let link = findMarkdownLink(text, 0); link; link = findMarkdownLink(text, cursor)) {
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
