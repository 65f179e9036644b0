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
export const DETAILS_QUERY = `query Details($id: ID!) {
  node(id: $id) {
    __typename id ${EVIDENCE}
    ... on Actor { name actorKind: kind aliases role
      demandsMade { node { id summary } ${EDGE} } demandsRejected { node { id summary } ${EDGE} }
      demandsAccepted { node { id summary } ${EDGE} } demandsCountered { node { id summary } ${EDGE} }
      meetingsAttended { node { id name } ${EDGE} } meetingsMediated { node { id name } ${EDGE} }
      meetingsHosted { node { id name } ${EDGE} }
      incidentsBlamedFor { node { id summary } ${EDGE} } statements { node { id summary } ${EDGE} }
      represents { node { id name } ${EDGE} } representedBy { node { id name } ${EDGE} } }
    ... on Demand { summary issue
      madeBy { node { id name } ${EDGE} } addressedTo { node { id name } ${EDGE} } concerns { node { id name } ${EDGE} }
      rejectedBy { node { id name } ${EDGE} } acceptedBy { node { id name } ${EDGE} } counteredBy { node { id name } ${EDGE} }
      raisedAt { node { id name } ${EDGE} } }
    ... on Meeting { name meetingKind: kind place outcome date { text precision }
      parties { node { id name } ${EDGE} } mediators { node { id name } ${EDGE} } hosts { node { id name } ${EDGE} }
      demandsRaised { node { id summary } ${EDGE} } incidentsDuring { node { id summary } ${EDGE} }
      claims { property value evidence { source { id } } } }
    ... on Incident { summary incidentKind: kind place killed injured casualtiesText date { text precision }
      blamed { node { id name } ${EDGE} } during { node { id name } ${EDGE} } before { node { id name } ${EDGE} } }
    ... on Statement { summary statementKind: kind date { text precision }
      statedBy { node { id name } ${EDGE} } addressedTo { node { id name } ${EDGE} } raisedAt { node { id name } ${EDGE} } }
    ... on Claim { property value subject { id } }
  }
}`;

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
