/** Small DOM helpers shared by the views: element creation and report-citation links. */
import { href } from './state.ts';

type Child = Node | string | null | undefined | false;

/** Creates an element with properties and children (falsy children are skipped). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & { dataset?: Record<string, string> } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const { dataset, ...rest } = props;
  const node = Object.assign(document.createElement(tag), rest);
  if (dataset) Object.assign(node.dataset, dataset);
  for (const c of children) if (c) node.append(c);
  return node;
}

export const byId = <T extends HTMLElement = HTMLElement>(id: string): T =>
  document.getElementById(id) as T;

/** An in-app link: a real href (so it opens in a new tab, and works from the keyboard). */
export function appLink(
  text: string,
  params: Record<string, string>,
  className = '',
): HTMLAnchorElement {
  return el('a', { href: href(params), className: `app-link ${className}`.trim() }, text);
}

/** A report citation: always a link to the report reader. */
export function citation(sourceId: string, outlet?: string | null): HTMLAnchorElement {
  return appLink(
    outlet ? `${sourceId} (${outlet})` : sourceId,
    { view: 'reports', report: sourceId },
    'cite',
  );
}

export interface Evidence {
  quote: string;
  source: { id: string; outlet?: string | null };
}

/** Quotes with their report links. */
export function evidenceList(evidence: Evidence[]): HTMLElement {
  return el(
    'ul',
    { className: 'evidence' },
    ...evidence.map((e) =>
      el(
        'li',
        {},
        el('blockquote', {}, `“${e.quote}”`),
        el('cite', {}, citation(e.source.id, e.source.outlet)),
      ),
    ),
  );
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "causeOfFailure" → "cause of failure". */
export const words = (camel: string) => camel.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** Distinct report ids of some evidence. */
export const reportsOf = (evidence: { source: { id: string } }[]) => [
  ...new Set(evidence.map((e) => e.source.id)),
];
