/**
 * The report's text with the suggestions marked in it (W3C TextPositionSelector offsets,
 * end exclusive): each stretch of text is one element listing the candidates whose quote
 * covers it (`data-candidates`) and whether a known actor or a new-actor candidate is named
 * there. A candidate's marks, read in order, are exactly text.slice(start, end).
 */
import { el } from './dom.ts';

export interface Highlight {
  key: string;
  start: number;
  end: number;
  /** 'quote' for a candidate fact's quote; 'actor' and 'new-actor' for names. */
  kind: 'quote' | 'actor' | 'new-actor';
  state?: string;
}

export function highlightText(text: string, highlights: Highlight[]): HTMLElement {
  const cuts = new Set([0, text.length]);
  for (const h of highlights) {
    cuts.add(Math.max(0, Math.min(text.length, h.start)));
    cuts.add(Math.max(0, Math.min(text.length, h.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const root = el('div', { className: 'add-text', id: 'add-highlighted' });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const over = highlights.filter((h) => h.start <= a && b <= h.end);
    const part = text.slice(a, b);
    const quotes = over.filter((h) => h.kind === 'quote');
    if (over.length === 0) {
      root.append(part);
      continue;
    }
    const classes = [];
    if (over.some((h) => h.kind === 'actor')) classes.push('mention');
    if (over.some((h) => h.kind === 'new-actor')) classes.push('new-mention');
    const states = new Set(quotes.map((h) => h.state));
    const state = states.has('accepted')
      ? 'accepted'
      : states.has('pending')
        ? 'pending'
        : quotes.length
          ? 'discarded'
          : '';
    const node = el(quotes.length ? 'mark' : 'span', { className: classes.join(' ') }, part);
    if (state) node.dataset.state = state;
    if (quotes.length) node.dataset.candidates = quotes.map((h) => h.key).join(' ');
    const names = over.filter((h) => h.kind !== 'quote').map((h) => h.key);
    if (names.length) node.dataset.names = names.join(' ');
    root.append(node);
  }
  return root;
}
