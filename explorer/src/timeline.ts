/**
 * Time: a lane per actor and a column per step of the order the reports establish (today's
 * `timeline` ranks; unplaced events last). A date is shown as stated with its precision;
 * coarse dates (week, month, period…) are drawn as striped spans, never as a day. Each
 * cell names the actor's role in the event, and a role that differs from the actor's
 * previous one is marked as a change (e.g. Turkey: facilitator → mediator).
 */
import { gql, nameOf } from './api.ts';
import { appLink, byId, el } from './dom.ts';
import { navigate, param } from './state.ts';

const QUERY = `query Timeline($actor: ID) {
  timeline(actor: $actor) { rank date { text precision } node { __typename id
    ... on Meeting { name parties { node { id name } role } mediators { node { id name } role } hosts { node { id name } role } }
    ... on Incident { summary blamed { node { id name } blamedBy { name } } }
    ... on Statement { summary statedBy { node { id name } } } } }
}`;
type Ref = {
  node: { id: string; name: string };
  role?: string | null;
  blamedBy?: { name: string } | null;
};
interface Entry {
  rank: number | null;
  date: { text: string; precision: string } | null;
  node: {
    __typename: string;
    id: string;
    name?: string;
    summary?: string;
    parties?: Ref[];
    mediators?: Ref[];
    hosts?: Ref[];
    blamed?: Ref[];
    statedBy?: Ref[];
  };
}
const KINDS = ['Meeting', 'Incident', 'Statement'];
const COARSE = new Set(['WEEK', 'MONTH', 'YEAR', 'PERIOD']);

/** Who takes part in an event, and as what. */
function roles(e: Entry): { id: string; name: string; role: string }[] {
  const n = e.node;
  return [
    ...(n.parties ?? []).map((r) => ({ ...r.node, role: r.role ?? 'party' })),
    ...(n.mediators ?? []).map((r) => ({ ...r.node, role: r.role ?? 'mediator' })),
    ...(n.hosts ?? []).map((r) => ({ ...r.node, role: r.role ?? 'host' })),
    ...(n.blamed ?? []).map((r) => ({
      ...r.node,
      role: r.blamedBy ? `blamed by ${r.blamedBy.name}` : 'blamed',
    })),
    ...(n.statedBy ?? []).map((r) => ({ ...r.node, role: 'speaks' })),
  ];
}

let rows: Record<string, string>[] = [];

export async function renderTimeline(actors: { id: string; name: string }[]): Promise<void> {
  const actor = param('actor');
  const shown = param('tkinds') ? param('tkinds').split(',') : ['Meeting', 'Incident'];
  const { timeline } = await gql<{ timeline: Entry[] }>(QUERY, actor ? { actor } : {});
  const events = timeline.filter((e) => shown.includes(e.node.__typename));
  const steps = [...new Set(events.map((e) => e.rank))].sort(
    (a, b) => (a ?? Infinity) - (b ?? Infinity),
  );
  const lanes = new Map<string, { name: string; n: number }>();
  for (const e of events)
    for (const r of roles(e)) lanes.set(r.id, { name: r.name, n: (lanes.get(r.id)?.n ?? 0) + 1 });
  const laneIds = [...lanes.entries()].sort((a, b) => b[1].n - a[1].n).map(([id]) => id);
  rows = events.flatMap((e) =>
    roles(e).map((r) => ({
      order: e.rank === null ? 'not placed' : String(e.rank),
      date: e.date?.text ?? '',
      precision: e.date?.precision ?? '',
      event: nameOf(e.node),
      kind: e.node.__typename,
      actor: r.name,
      role: r.role,
    })),
  );

  const grid = el('div', { className: 'lanes' });
  grid.style.gridTemplateColumns = `9rem repeat(${steps.length}, minmax(11rem, 1fr))`;
  grid.append(
    el('div', { className: 'lane-head corner' }, 'Order →'),
    // Columns are numbered 1, 2, 3… in order: ranks of hidden kinds leave no gap.
    ...steps.map((s, column) => {
      const dates = events.filter((e) => e.rank === s && e.date);
      return el(
        'div',
        { className: 'lane-head' },
        el('strong', {}, s === null ? 'not placed by any report' : `step ${column + 1}`),
        ...dates.map((e) =>
          el(
            'span',
            {
              className: `date ${COARSE.has(e.date!.precision) ? 'span' : 'point'}`,
              title: `${e.date!.precision.toLowerCase()} precision`,
            },
            `${e.date!.text} · ${e.date!.precision.toLowerCase()}`,
          ),
        ),
      );
    }),
  );
  for (const id of laneIds) {
    let lastRole = '';
    grid.append(
      el(
        'div',
        { className: 'lane-name' },
        appLink(lanes.get(id)!.name, { view: 'timeline', actor: id, tkinds: param('tkinds') }),
      ),
    );
    for (const s of steps) {
      const cell = el('div', { className: 'lane-cell' });
      for (const e of events.filter((x) => x.rank === s)) {
        const r = roles(e).find((x) => x.id === id);
        if (!r) continue;
        const change =
          lastRole !== '' &&
          r.role !== lastRole &&
          !['speaks', 'party'].includes(r.role) &&
          !r.role.startsWith('blamed');
        if (!['speaks'].includes(r.role) && !r.role.startsWith('blamed')) lastRole = r.role;
        cell.append(
          el(
            'div',
            {
              className: `event ${e.node.__typename.toLowerCase()}${change ? ' role-change' : ''}`,
              dataset: { id: e.node.id, role: r.role },
            },
            appLink(nameOf(e.node), { view: 'graph', focus: e.node.id, sel: e.node.id }),
            el('span', { className: 'role' }, change ? `role now: ${r.role}` : r.role),
            e.date
              ? el(
                  'span',
                  { className: `when ${COARSE.has(e.date.precision) ? 'span' : 'point'}` },
                  `${e.date.text} · ${e.date.precision.toLowerCase()}`,
                )
              : el('span', { className: 'when' }, 'undated'),
          ),
        );
      }
      grid.append(cell);
    }
  }
  const actorSelect = el(
    'select',
    { id: 'timeline-actor' },
    new Option('All actors', ''),
    ...actors.map((a) => new Option(a.name, a.id)),
  );
  actorSelect.value = actor;
  actorSelect.addEventListener('change', () => navigate({ actor: actorSelect.value }, true));
  const kindBoxes = KINDS.map((k) => {
    const input = el('input', { type: 'checkbox', value: k, checked: shown.includes(k) });
    input.addEventListener('change', () =>
      navigate(
        { tkinds: KINDS.filter((x) => (x === k ? input.checked : shown.includes(x))).join(',') },
        true,
      ),
    );
    return el('label', {}, input, ` ${k}s`);
  });
  byId('timeline-view').replaceChildren(
    el('h2', {}, 'Timeline'),
    el(
      'p',
      { className: 'hint' },
      'A lane per actor, a column per step of the order the reports establish; each date as stated, with its precision (striped: a span, not a day).',
    ),
    el(
      'div',
      { className: 'timeline-controls' },
      el('label', {}, 'Involving ', actorSelect),
      el('fieldset', {}, el('legend', {}, 'Events'), ...kindBoxes),
    ),
    el(
      'div',
      {
        className: 'lanes-wrap',
        tabIndex: 0,
        role: 'region',
        ariaLabel: 'Timeline lanes (scrolls sideways)',
      },
      grid,
    ),
  );
}

export const timelineRows = () => rows;
