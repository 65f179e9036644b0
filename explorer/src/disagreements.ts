/**
 * Disagreements: each fact on which reports differ, asked in plain words, with every
 * version side by side and the reports (and quotes) behind it. No version is picked as true.
 */
import { NAME_FIELDS, gql, nameOf } from './api.ts';
import {
  appLink,
  byId,
  citation,
  el,
  evidenceList,
  plural,
  reportsOf,
  words,
  type Evidence,
} from './dom.ts';
import { param } from './state.ts';

const QUERY = `query Disagreements($subject: ID) {
  disagreements(subject: $subject) {
    subject { __typename id ${NAME_FIELDS} }
    property
    versions { id value valueIds claim { id } evidence { quote source { id outlet } } }
  }
  graph(limit: 1000) { nodes { id label } }
}`;

interface Disagreement {
  subject: { __typename: string; id: string; name?: string; summary?: string };
  property: string;
  versions: {
    id: string;
    value: string;
    valueIds: string[];
    claim: { id: string } | null;
    evidence: Evidence[];
  }[];
}

/**
 * A version in words: a curated claim's value as written; a rule's value names nodes by id
 * and stances in stored form (`agreed_verbally prevent-soil-use`), shown by name and in words.
 */
function inWords(v: Disagreement['versions'][number], names: Map<string, string>): string {
  if (v.claim !== null) return v.value;
  return v.value
    .split(' ')
    .map((token) => names.get(token) ?? token.replace(/_/g, ' '))
    .join(' · ');
}

/** Questions for the properties the seed model uses; any other reads "subject: property". */
const QUESTIONS: Record<string, (s: string) => string> = {
  causeOfFailure: (s) => `Why did the ${s} fail?`,
  failedOn: (s) => `When did the ${s} fail?`,
  mediators: (s) => `Who mediated the ${s}?`,
  round: (s) => `Which round were the ${s}?`,
  status: (s) => `What state were the ${s} in?`,
  demands: (s) => `What did ${s} demand?`,
  mediationRole: (s) => `What was ${s}’s role as mediator?`,
};

export const question = (d: Disagreement) => {
  const name = nameOf(d.subject);
  const q = QUESTIONS[d.property];
  return q ? q(name) : `${name}: ${words(d.property)}`;
};

/** A version's quotes, each (report, quote) once: one sentence may state several of its facts. */
const distinctQuotes = (evidence: Evidence[]): Evidence[] => [
  ...new Map(evidence.map((e) => [`${e.source.id}\u0000${e.quote}`, e])).values(),
];

let rows: Record<string, string>[] = [];

export async function renderDisagreements(): Promise<void> {
  const subject = param('subject');
  const { disagreements, graph } = await gql<{
    disagreements: Disagreement[];
    graph: { nodes: { id: string; label: string }[] };
  }>(QUERY, subject ? { subject } : {});
  const names = new Map(graph.nodes.map((n) => [n.id, n.label]));
  rows = disagreements.flatMap((d) =>
    d.versions.map((v) => ({
      question: question(d),
      subject: d.subject.id,
      property: d.property,
      version: inWords(v, names),
      reports: reportsOf(v.evidence).join(' '),
    })),
  );
  byId('disagreements-view').replaceChildren(
    el('h2', {}, subject ? `Where reports differ about ${subject}` : 'Where reports differ'),
    el(
      'p',
      { className: 'hint' },
      `${plural(disagreements.length, 'question')} on which the reports give different answers; each version is shown with the reports that state it. `,
      subject ? appLink('Show all', { view: 'disagreements' }) : '',
    ),
    ...disagreements.map((d) =>
      el(
        'article',
        { className: 'disagreement', dataset: { subject: d.subject.id, property: d.property } },
        el('h3', {}, question(d)),
        el(
          'p',
          { className: 'kind' },
          'About ',
          appLink(nameOf(d.subject), { view: 'graph', focus: d.subject.id, sel: d.subject.id }),
          ` · ${plural(d.versions.length, 'version')}`,
        ),
        el(
          'div',
          { className: 'versions' },
          ...d.versions.map((v) =>
            el(
              'section',
              { className: 'version' },
              el('p', { className: 'value' }, inWords(v, names)),
              el(
                'p',
                { className: 'by' },
                'According to ',
                ...reportsOf(v.evidence).flatMap((r, i) => [i ? ', ' : '', citation(r)]),
              ),
              evidenceList(distinctQuotes(v.evidence)),
            ),
          ),
        ),
      ),
    ),
  );
}

export const disagreementRows = () => rows;
