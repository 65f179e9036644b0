/** The details panel: a node's properties, its neighbours (by relationship) and its sources with quotes. */
import { DETAILS_QUERY, SOURCE_QUERY, gql } from './api.ts';

type Obj = Record<string, unknown>;
interface Evidence {
  quote: string;
  source: { id: string; title?: string | null; outlet?: string | null };
}
interface Edge {
  node: { id: string; name?: string; summary?: string };
  type: string;
  role?: string | null;
  reason?: string | null;
  note?: string | null;
  blamedBy?: { name: string } | null;
  evidence: Evidence[];
}

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

const SCALARS = [
  'name',
  'summary',
  'actorKind',
  'meetingKind',
  'incidentKind',
  'statementKind',
  'issue',
  'role',
  'aliases',
  'place',
  'outcome',
  'killed',
  'injured',
  'casualtiesText',
  'property',
  'value',
];

function evidenceList(evidence: Evidence[]): HTMLElement {
  return el(
    'ul',
    { className: 'evidence' },
    ...evidence.map((e) =>
      el(
        'li',
        {},
        el('blockquote', {}, `“${e.quote}”`),
        el('cite', {}, e.source.id + (e.source.outlet ? ` (${e.source.outlet})` : '')),
      ),
    ),
  );
}

export async function showDetails(
  panel: HTMLElement,
  id: string,
  kind: string,
  onSelect: (id: string) => void,
): Promise<void> {
  panel.replaceChildren(el('p', { className: 'hint' }, 'Loading…'));
  if (kind === 'SOURCE') {
    const { source } = await gql<{ source: Obj }>(SOURCE_QUERY, { id });
    panel.replaceChildren(
      el('h2', {}, String(source.title ?? source.id)),
      el(
        'dl',
        {},
        ...Object.entries(source)
          .filter(([, v]) => v !== null)
          .flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v as string))]),
      ),
    );
    return;
  }
  const { node } = await gql<{ node: Obj | null }>(DETAILS_QUERY, { id });
  if (!node) {
    panel.replaceChildren(el('p', {}, `No node ${id}.`));
    return;
  }
  const title = String(node.name ?? node.summary ?? node.value ?? node.id);
  const props = el('dl');
  for (const key of SCALARS) {
    const v = node[key];
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    props.append(
      el('dt', {}, key),
      el('dd', {}, Array.isArray(v) ? v.join(', ') : String(v as string)),
    );
  }
  const date = node.date as { text: string; precision: string } | null | undefined;
  if (date)
    props.append(
      el('dt', {}, 'date'),
      el(
        'dd',
        {},
        date.text,
        ' ',
        el('span', { className: 'precision' }, date.precision.toLowerCase()),
      ),
    );

  const sections: HTMLElement[] = [];
  for (const [field, value] of Object.entries(node)) {
    if (!Array.isArray(value) || value.length === 0 || field === 'evidence' || field === 'aliases')
      continue;
    if (field === 'claims') {
      const claims = value as {
        property: string;
        value: string;
        evidence: { source: { id: string } }[];
      }[];
      sections.push(
        el('h3', {}, 'Claims (reports differ)'),
        el(
          'ul',
          {},
          ...claims.map((c) =>
            el(
              'li',
              {},
              `${c.property}: ${c.value} — ${c.evidence.map((e) => e.source.id).join(', ')}`,
            ),
          ),
        ),
      );
      continue;
    }
    const edges = value as Edge[];
    sections.push(
      el('h3', {}, field.replace(/([A-Z])/g, ' $1').toLowerCase()),
      el(
        'ul',
        { className: 'neighbours' },
        ...edges.map((e) => {
          const button = el(
            'button',
            { type: 'button', className: 'link' },
            e.node.name ?? e.node.summary ?? e.node.id,
          );
          button.addEventListener('click', () => onSelect(e.node.id));
          const extra = [
            e.role,
            e.reason,
            e.note,
            e.blamedBy ? `blamed by ${e.blamedBy.name}` : null,
          ]
            .filter(Boolean)
            .join(' · ');
          return el(
            'li',
            {},
            el('span', { className: 'edge-type' }, e.type),
            ' ',
            button,
            extra ? el('span', { className: 'extra' }, ` — ${extra}`) : '',
            evidenceList(e.evidence),
          );
        }),
      ),
    );
  }
  panel.replaceChildren(
    el('h2', {}, title),
    el('p', { className: 'kind' }, `${String(node.__typename)} · ${String(node.id)}`),
    props,
    ...sections,
    el('h3', {}, 'Sources'),
    evidenceList(node.evidence as Evidence[]),
  );
  panel.focus();
}
