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
    versions { id value evidence { quote source { id outlet } } }
  }
}`;

interface Disagreement {
  subject: { __typename: string; id: string; name?: string; summary?: string };
  property: string;
  versions: { id: string; value: string; evidence: Evidence[] }[];
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

let rows: Record<string, string>[] = [];

export async function renderDisagreements(): Promise<void> {
  const subject = param('subject');
  const { disagreements } = await gql<{ disagreements: Disagreement[] }>(
    QUERY,
    subject ? { subject } : {},
  );
  rows = disagreements.flatMap((d) =>
    d.versions.map((v) => ({
      question: question(d),
      subject: d.subject.id,
      property: d.property,
      version: v.value,
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
              el('p', { className: 'value' }, v.value),
              el(
                'p',
                { className: 'by' },
                'According to ',
                ...reportsOf(v.evidence).flatMap((r, i) => [i ? ', ' : '', citation(r)]),
              ),
              evidenceList(v.evidence),
            ),
          ),
        ),
      ),
    ),
  );
}

export const disagreementRows = () => rows;
