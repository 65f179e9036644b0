/**
 * The details panel of the graph view: a node's properties, its neighbours grouped by
 * relationship in collapsible sections, each fact with its quotes and report links, and
 * the keyboard's way into the graph (expand, focus, path).
 */
import { gql } from './api.ts';
import { appLink, el, evidenceList, plural, reportsOf, words, type Evidence } from './dom.ts';

type Obj = Record<string, unknown>;
interface Edge {
  node: { id: string; name?: string; summary?: string };
  type: string;
  role?: string | null;
  reason?: string | null;
  note?: string | null;
  blamedBy?: { name: string } | null;
  evidence: Evidence[];
}

const EVIDENCE = `evidence { quote source { id outlet } }`;
const EDGE = `type role reason note blamedBy { name } evidence { quote source { id outlet } }`;
/** The node's own properties and reports; its relationships come field by field (below). */
export const DETAILS_QUERY = `query Details($id: ID!) {
  node(id: $id) {
    __typename id ${EVIDENCE}
    ... on Actor { name actorKind: kind aliases role }
    ... on Demand { summary issue }
    ... on Meeting { name meetingKind: kind place outcome date { text precision } claims { property value evidence { source { id } } } }
    ... on Incident { summary incidentKind: kind place killed injured casualtiesText date { text precision } }
    ... on Statement { summary statementKind: kind date { text precision } }
    ... on Claim { property value subject { id } }
  }
}`;

/** Relationship fields per type, with the other end's name field. */
const RELATIONS: Record<string, [string, string][]> = {
  Actor: [
    ['demandsMade', 'summary'],
    ['demandsRejected', 'summary'],
    ['demandsAccepted', 'summary'],
    ['demandsCountered', 'summary'],
    ['meetingsAttended', 'name'],
    ['meetingsMediated', 'name'],
    ['meetingsHosted', 'name'],
    ['incidentsBlamedFor', 'summary'],
    ['statements', 'summary'],
    ['represents', 'name'],
    ['representedBy', 'name'],
  ],
  Demand: [
    ['madeBy', 'name'],
    ['addressedTo', 'name'],
    ['concerns', 'name'],
    ['rejectedBy', 'name'],
    ['acceptedBy', 'name'],
    ['counteredBy', 'name'],
    ['raisedAt', 'name'],
  ],
  Meeting: [
    ['parties', 'name'],
    ['mediators', 'name'],
    ['hosts', 'name'],
    ['demandsRaised', 'summary'],
    ['incidentsDuring', 'summary'],
  ],
  Incident: [
    ['blamed', 'name'],
    ['during', 'name'],
    ['before', 'name'],
  ],
  Statement: [
    ['statedBy', 'name'],
    ['addressedTo', 'name'],
    ['raisedAt', 'name'],
  ],
};

/**
 * A node's relationships, a few fields per request, in parallel: one query for all of a
 * well-connected actor's facts and quotes is slow enough to meet the server's timeout on a
 * busy machine; small ones are not.
 */
async function relations(type: string, id: string): Promise<Obj> {
  const fields = RELATIONS[type] ?? [];
  const chunks: [string, string][][] = [];
  for (let i = 0; i < fields.length; i += 3) chunks.push(fields.slice(i, i + 3));
  const parts = await Promise.all(
    chunks.map((chunk) =>
      gql<{ node: Obj | null }>(
        `query Relations($id: ID!) { node(id: $id) { ... on ${type} { ${chunk.map(([f, n]) => `${f} { node { id ${n} } ${EDGE} }`).join(' ')} } } }`,
        { id },
        false,
      ),
    ),
  );
  return Object.assign({}, ...parts.map((p) => p.node ?? {})) as Obj;
}

const SCALARS = [
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

export interface DetailsActions {
  graphParams: () => Record<string, string>;
  expand: (id: string) => void;
}

export async function showDetails(
  panel: HTMLElement,
  id: string,
  actions: DetailsActions,
): Promise<void> {
  panel.replaceChildren(el('p', { className: 'hint' }, 'Loading…'));
  const { node: head } = await gql<{ node: Obj | null }>(DETAILS_QUERY, { id });
  if (!head) {
    panel.replaceChildren(el('p', {}, `No node ${id}.`));
    return;
  }
  const node: Obj = { ...head, ...(await relations(String(head.__typename), id)) };
  const title = String(node.name ?? node.summary ?? node.value ?? node.id);
  const props = el('dl');
  for (const key of SCALARS) {
    const v = node[key];
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    props.append(
      el('dt', {}, words(key)),
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
        el(
          'details',
          { open: true },
          el('summary', {}, 'Reports differ'),
          el(
            'ul',
            {},
            ...claims.map((c) =>
              el(
                'li',
                {},
                `${words(c.property)}: ${c.value} — ${reportsOf(c.evidence).join(', ')}`,
              ),
            ),
          ),
          appLink('All disagreements', { view: 'disagreements', subject: id }),
        ),
      );
      continue;
    }
    const edges = value as Edge[];
    sections.push(
      el(
        'details',
        { open: sections.length < 2 },
        el('summary', {}, `${words(field)} (${edges.length})`),
        el(
          'ul',
          { className: 'neighbours' },
          ...edges.map((e) => {
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
              appLink(e.node.name ?? e.node.summary ?? e.node.id, {
                ...actions.graphParams(),
                sel: e.node.id,
              }),
              extra ? el('span', { className: 'extra' }, ` — ${extra}`) : '',
              el(
                'details',
                {},
                el('summary', {}, plural(reportsOf(e.evidence).length, 'report')),
                evidenceList(e.evidence),
              ),
            );
          }),
        ),
      ),
    );
  }
  const expand = el('button', { type: 'button' }, 'Expand neighbours');
  expand.addEventListener('click', () => actions.expand(id));
  const params = actions.graphParams();
  panel.replaceChildren(
    el('h2', {}, title),
    el('p', { className: 'kind' }, `${String(node.__typename)} · ${String(node.id)}`),
    el(
      'p',
      { className: 'actions' },
      expand,
      ' ',
      appLink('Focus here', { view: 'graph', focus: id }),
      ' ',
      params.focus && params.focus !== id
        ? appLink(`Path from ${params.focus}`, { ...params, sel: id, path: id })
        : '',
    ),
    props,
    ...sections,
    el(
      'details',
      {},
      el('summary', {}, `Sources (${reportsOf(node.evidence as Evidence[]).length})`),
      evidenceList(node.evidence as Evidence[]),
    ),
  );
}
