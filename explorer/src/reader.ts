/**
 * The report reader: a report's quotes, each highlighted and linked to the facts it
 * supports; two reports side by side (`compare`), optionally only about one subject
 * (`subject`). Quotes follow the report's own order when the server holds its text (an
 * optional `Source.text`); otherwise they are grouped by fact and the screen says so.
 */
import { gql } from './api.ts';
import { appLink, byId, el } from './dom.ts';
import { param } from './state.ts';

const EV = 'evidence { quote source { id } }';
const N = (f: string, sel: string) => `${f} { type node { id ${sel} } ${EV} }`;
const PARTS: Record<string, string> = {
  actors: `id name ${EV}`,
  demands: `id summary ${EV} ${N('madeBy', 'name')} ${N('addressedTo', 'name')} ${N('rejectedBy', 'name')} ${N('acceptedBy', 'name')} ${N('counteredBy', 'name')} ${N('raisedAt', 'name')}`,
  meetings: `id name ${EV} ${N('parties', 'name')} ${N('mediators', 'name')} ${N('hosts', 'name')}`,
  incidents: `id summary ${EV} ${N('blamed', 'name')} ${N('during', 'name')} ${N('before', 'name')}`,
  statements: `id summary ${EV} ${N('statedBy', 'name')} ${N('addressedTo', 'name')}`,
};

interface Fact {
  label: string;
  nodes: string[];
  names: string[];
}
interface Quote {
  quote: string;
  facts: Fact[];
  at: number;
}
interface ReportData {
  source: Record<string, string | number | null>;
  quotes: Quote[];
  ordered: boolean;
}
type Item = {
  id: string;
  name?: string;
  summary?: string;
  evidence: { quote: string; source: { id: string } }[];
} & Record<string, unknown>;
type EdgeItem = {
  type: string;
  node: { id: string; name?: string };
  evidence: { quote: string; source: { id: string } }[];
};

let hasText: Promise<boolean> | null = null;
/** Whether the server stores report texts (`Source.text`), asked once by introspection. */
const serverHasText = () =>
  (hasText ??= gql<{ __type: { fields: { name: string }[] } | null }>(
    '{ __type(name: "Source") { fields { name } } }',
    {},
    false,
  ).then((d) => Boolean(d.__type?.fields.some((f) => f.name === 'text'))));

const cache = new Map<string, Promise<ReportData>>();

function loadReport(id: string): Promise<ReportData> {
  let p = cache.get(id);
  if (!p) {
    p = fetchReport(id);
    cache.set(id, p);
  }
  return p;
}

type Page = {
  edges: { node: Item }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

/** Every fact of one kind the report states, page by page (pages keep each query's cost bounded). */
async function allPages(root: string, sel: string, id: string): Promise<Item[]> {
  const items: Item[] = [];
  let after: string | null = null;
  do {
    const data: Record<string, Page> = await gql<Record<string, Page>>(
      `query ReportFacts($id: ID!, $after: String) { ${root}(filter: { source: $id }, first: 15, after: $after) { edges { node { ${sel} } } pageInfo { hasNextPage endCursor } } }`,
      { id, after },
      false,
    );
    const page: Page | undefined = data[root];
    if (!page) break;
    items.push(...page.edges.map((e) => e.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return items;
}

async function fetchReport(id: string): Promise<ReportData> {
  const text = await serverHasText();
  const head = await gql<{ source: Record<string, string | number | null> | null }>(
    `query Report($id: ID!) { source(id: $id) { id title outlet byline dateline published originNote statesCount${text ? ' text' : ''} } }`,
    { id },
  );
  if (!head.source) throw new Error(`No report ${id}`);
  const parts = await Promise.all(
    Object.entries(PARTS).map(([root, sel]) => allPages(root, sel, id)),
  );
  const byQuote = new Map<string, Fact[]>();
  const add = (quote: string, fact: Fact) => {
    const facts = byQuote.get(quote) ?? [];
    if (!facts.some((f) => f.label === fact.label)) facts.push(fact);
    byQuote.set(quote, facts);
  };
  for (const item of parts.flat()) {
    const name = item.name ?? item.summary ?? item.id;
    for (const e of item.evidence)
      if (e.source.id === id) add(e.quote, { label: name, nodes: [item.id], names: [name] });
    for (const value of Object.values(item)) {
      if (!Array.isArray(value) || value === item.evidence) continue;
      for (const edge of value as EdgeItem[])
        for (const e of edge.evidence ?? [])
          if (e.source.id === id)
            add(e.quote, {
              label: `${name} — ${edge.type.toLowerCase().replace(/_/g, ' ')} — ${edge.node.name ?? edge.node.id}`,
              nodes: [item.id, edge.node.id],
              names: [name, edge.node.name ?? edge.node.id],
            });
    }
  }
  const body = typeof head.source.text === 'string' ? head.source.text : '';
  const quotes = [...byQuote.entries()].map(([quote, facts]) => ({
    quote,
    facts,
    at: body ? body.indexOf(quote) : -1,
  }));
  if (body)
    quotes.sort((a, b) => (a.at === -1 ? Infinity : a.at) - (b.at === -1 ? Infinity : b.at));
  return { source: head.source, quotes, ordered: Boolean(body) };
}

function reportColumn(id: string, data: ReportData, subject: string): HTMLElement {
  const s = data.source;
  const quotes = subject
    ? data.quotes.filter((q) => q.facts.some((f) => f.nodes.includes(subject)))
    : data.quotes;
  const meta = ['outlet', 'byline', 'dateline', 'published']
    .filter((k) => s[k])
    .map((k) => `${k}: ${String(s[k])}`);
  return el(
    'article',
    { className: 'report', dataset: { report: id } },
    el('h2', {}, String(s.title ?? id)),
    el('p', { className: 'kind' }, [id, ...meta].join(' · ')),
    el('p', { className: 'hint' }, String(s.originNote ?? '')),
    el(
      'p',
      { className: 'hint' },
      `${quotes.length} quoted passages${subject ? ` about ${subject}` : ''}, ${data.ordered ? 'in the order of the report' : 'grouped by fact (the server holds no report text, so their order in the report is not known)'}.`,
    ),
    el(
      'ol',
      { className: 'quotes' },
      ...quotes.map((q) =>
        el(
          'li',
          {},
          el('mark', {}, `“${q.quote}”`),
          el(
            'ul',
            { className: 'facts' },
            ...q.facts.map((f) =>
              el(
                'li',
                {},
                appLink(f.label, {
                  view: 'graph',
                  focus: f.nodes[0] ?? '',
                  sel: f.nodes[f.nodes.length - 1] ?? '',
                }),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

let rows: Record<string, string>[] = [];

export async function renderReader(reports: { id: string; label: string }[]): Promise<void> {
  const id = param('report') || reports[0]?.id || '';
  const compare = param('compare');
  const subject = param('subject');
  const root = byId('reports-view');
  const picker = (name: string, value: string, first: string) => {
    const select = el(
      'select',
      { id: `reader-${name}` },
      new Option(first, ''),
      ...reports.map((r) => new Option(r.label, r.id)),
    );
    select.value = value;
    return select;
  };
  const left = await loadReport(id);
  const right = compare ? await loadReport(compare) : null;
  const subjects = new Map<string, string>();
  for (const q of [...left.quotes, ...(right?.quotes ?? [])])
    for (const f of q.facts) f.nodes.forEach((n, i) => subjects.set(n, f.names[i] ?? n));
  const subjectSelect = el(
    'select',
    { id: 'reader-subject' },
    new Option('All subjects', ''),
    ...[...subjects.keys()].sort().map((n) => new Option(n, n)),
  );
  subjectSelect.value = subject;
  rows = [left, right]
    .filter((r): r is ReportData => r !== null)
    .flatMap((r) =>
      r.quotes.map((q) => ({
        report: String(r.source.id),
        quote: q.quote,
        facts: q.facts.map((f) => f.label).join(' | '),
      })),
    );
  root.replaceChildren(
    el(
      'form',
      { className: 'reader-controls', id: 'reader-form' },
      el('label', {}, 'Report ', picker('report', id, 'Choose a report')),
      el('label', {}, 'Side by side with ', picker('compare', compare, 'No second report')),
      el('label', {}, 'Only about ', subjectSelect),
    ),
    el(
      'div',
      { className: `reports${right ? ' two' : ''}` },
      reportColumn(id, left, subject),
      right ? reportColumn(compare, right, subject) : '',
    ),
  );
}

export const readerRows = () => rows;
