/**
 * The positions board (landing view): issues × parties. Each cell lists a side's demands on
 * that issue with the other side's stance (rejected, accepted, countered, unanswered) and the
 * number of reports behind the demand and behind the stance; a demand opens its evidence.
 */
import { gql } from './api.ts';
import { appLink, byId, el, evidenceList, plural, reportsOf, type Evidence } from './dom.ts';
import { param } from './state.ts';

export const ISSUES: Record<string, string> = {
  SECURITY: 'Security',
  BORDER_TERRITORY: 'Border and territory',
  TRADE_TRANSIT: 'Trade and transit',
  REFUGEES: 'Refugees',
  SOVEREIGNTY: 'Sovereignty',
  GUARANTEES_PROCEDURE: 'Guarantees and procedure',
  CEASEFIRE: 'Ceasefire',
};

export const BOARD_QUERY = `query Board {
  demands(first: 40, orderBy: { field: ISSUE }) { totalCount edges { node { id summary issue
    madeBy { node { id name represents { node { id name } } } }
    addressedTo { node { id name } }
    rejectedBy { node { id name } reason evidence { quote source { id outlet } } }
    acceptedBy { node { id name } reason evidence { quote source { id outlet } } }
    counteredBy { node { id name } note evidence { quote source { id outlet } } }
    evidence { quote source { id outlet } } } } }
}`;

interface Response {
  node: { id: string; name: string };
  reason?: string | null;
  note?: string | null;
  evidence: Evidence[];
}
interface Demand {
  id: string;
  summary: string;
  issue: string;
  madeBy: {
    node: { id: string; name: string; represents: { node: { id: string; name: string } }[] };
  }[];
  rejectedBy: Response[];
  addressedTo: { node: { id: string; name: string } }[];
  acceptedBy: Response[];
  counteredBy: Response[];
  evidence: Evidence[];
}
export interface Stance {
  actor: string;
  stance: 'rejected' | 'accepted' | 'countered' | 'unanswered';
  reports: string[];
  response?: Response;
}
export interface Party {
  id: string;
  name: string;
}

let demands: Demand[] = [];
let loaded: Promise<void> | null = null;
/** The two sides: the parties (or whom their speakers represent) that made the most demands. */
export let sides: Party[] = [];

const partyOf = (d: Demand): Party => {
  const by = d.madeBy[0]?.node;
  const rep = by?.represents[0]?.node;
  return rep ?? by ?? { id: '?', name: 'Unknown' };
};

/** Loads the demands once (the board, the graph's layout and the exports share them). */
export function loadBoard(): Promise<void> {
  loaded ??= gql<{ demands: { edges: { node: Demand }[] } }>(BOARD_QUERY).then((data) => {
    demands = data.demands.edges.map((e) => e.node);
    const count = new Map<string, { party: Party; n: number }>();
    for (const d of demands) {
      const p = partyOf(d);
      count.set(p.id, { party: p, n: (count.get(p.id)?.n ?? 0) + 1 });
    }
    sides = [...count.values()]
      .sort((a, b) => b.n - a.n)
      .slice(0, 2)
      .map((c) => c.party);
  });
  return loaded;
}

/** The other side's stance on a demand; several when several actors answered. */
export function stances(d: Demand): Stance[] {
  const out: Stance[] = [];
  const add = (list: Response[], stance: Stance['stance']) => {
    for (const r of list)
      out.push({ actor: r.node.name, stance, reports: reportsOf(r.evidence), response: r });
  };
  add(d.rejectedBy, 'rejected');
  add(d.acceptedBy, 'accepted');
  add(d.counteredBy, 'countered');
  if (out.length === 0) {
    const other = sides.find((s) => s.id !== partyOf(d).id);
    const addressees = d.addressedTo.map((a) => a.node.name);
    for (const actor of addressees.length ? addressees : [other?.name ?? 'the other side'])
      out.push({ actor, stance: 'unanswered', reports: [] });
  }
  return out;
}

function column(d: Demand): number {
  const i = sides.findIndex((s) => s.id === partyOf(d).id);
  return i === -1 ? 2 : i;
}

function demandCard(d: Demand): HTMLElement {
  const selected = param('demand') === d.id;
  return el(
    'li',
    { className: `demand${selected ? ' selected' : ''}`, dataset: { id: d.id } },
    appLink(d.summary, { view: 'board', demand: d.id }, 'demand-link'),
    el('span', { className: 'count' }, plural(reportsOf(d.evidence).length, 'report')),
    el(
      'ul',
      { className: 'stances' },
      ...stances(d).map((s) =>
        el(
          'li',
          { className: `stance ${s.stance}`, dataset: { actor: s.actor, stance: s.stance } },
          el('strong', {}, s.actor),
          ` ${s.stance}`,
          s.stance === 'unanswered'
            ? ''
            : el('span', { className: 'count' }, ` · ${plural(s.reports.length, 'report')}`),
        ),
      ),
    ),
  );
}

function evidencePanel(d: Demand): HTMLElement {
  const party = partyOf(d);
  const by = d.madeBy.map((m) => m.node.name).join(', ');
  return el(
    'section',
    { className: 'evidence-panel', id: 'board-evidence', tabIndex: -1, ariaLabel: 'Evidence' },
    el('h2', {}, d.summary),
    el(
      'p',
      { className: 'kind' },
      `Demand by ${by}${by !== party.name ? ` (${party.name})` : ''} · ${ISSUES[d.issue] ?? d.issue}`,
    ),
    el('h3', {}, 'Reports stating the demand'),
    evidenceList(d.evidence),
    ...stances(d).flatMap((s) => [
      el('h3', {}, `${s.actor}: ${s.stance}`),
      s.response?.reason || s.response?.note
        ? el('p', {}, s.response.reason ?? s.response.note ?? '')
        : null,
      s.response
        ? evidenceList(s.response.evidence)
        : el('p', { className: 'hint' }, 'No report records a response.'),
    ]),
    el(
      'p',
      { className: 'actions' },
      appLink('Show in the graph', { view: 'graph', focus: d.id }),
      ' ',
      appLink('Close', { view: 'board' }),
    ),
  );
}

const heading = (c: Party) =>
  c.id === 'others' ? 'Demands by mediators and others' : `${c.name}’s demands`;

export async function renderBoard(): Promise<void> {
  await loadBoard();
  const root = byId('board-view');
  const cols = [
    ...sides,
    ...(demands.some((d) => column(d) === 2)
      ? [{ id: 'others', name: 'Mediators and others' }]
      : []),
  ];
  const table = el(
    'table',
    { className: 'board' },
    el(
      'caption',
      {},
      `Demands by issue: ${sides.map((s) => s.name).join(' and ')}, with the other side’s stance and the reports behind each`,
    ),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'Issue'),
        ...cols.map((c) => el('th', { scope: 'col' }, heading(c))),
      ),
    ),
    el(
      'tbody',
      {},
      ...Object.entries(ISSUES).map(([issue, label]) =>
        el(
          'tr',
          { dataset: { issue } },
          el('th', { scope: 'row' }, label),
          ...cols.map((c, i) => {
            const list = demands.filter((d) => d.issue === issue && column(d) === i);
            return el(
              'td',
              { dataset: { label: heading(c), party: c.id } },
              list.length
                ? el('ul', { className: 'demands' }, ...list.map(demandCard))
                : el('span', { className: 'none' }, '—'),
            );
          }),
        ),
      ),
    ),
  );
  const selected = demands.find((d) => d.id === param('demand'));
  const panel = selected ? evidencePanel(selected) : null;
  root.replaceChildren(el('div', { className: 'board-wrap' }, table), panel ?? '');
  root.classList.toggle('with-panel', Boolean(panel));
  if (panel) panel.focus();
}

/** The board as rows, for export. */
export function boardRows(): Record<string, string | number>[] {
  return demands.flatMap((d) =>
    stances(d).map((s) => ({
      issue: ISSUES[d.issue] ?? d.issue,
      party: partyOf(d).name,
      demand: d.summary,
      demandId: d.id,
      demandReports: reportsOf(d.evidence).join(' '),
      respondent: s.actor,
      stance: s.stance,
      stanceReports: s.reports.join(' '),
    })),
  );
}
