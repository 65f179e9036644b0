/**
 * The focus graph: one node and its nearest neighbours (default: the first side), expanded
 * on demand, drawn with the sides left and right and mediators between. The URL holds the
 * focus (`focus`), expanded nodes (`exp`), kinds (`kinds`), hidden edge types (`hide`), the
 * selection (`sel`) and a path target (`path`, highlighted through the API's `connections`).
 */
import type { Core, NodeSingular } from 'cytoscape';

import {
  CONNECTIONS_QUERY,
  GRAPH_QUERY,
  NAME_FIELDS,
  gql,
  nameOf,
  type GraphEdge,
  type GraphNode,
  type Kind,
} from './api.ts';
import { loadBoard, sides } from './board.ts';
import { showDetails } from './details-panel.ts';
import { byId, el, plural } from './dom.ts';
import { runLayout } from './graph-layout.ts';
import { KIND_STYLE, createGraph, toElements, updateDegrees } from './graph-style.ts';
import { navigate, param } from './state.ts';

const DEFAULT_KINDS: Kind[] = ['ACTOR', 'DEMAND', 'MEETING', 'INCIDENT'];
let cy: Core | null = null;
let loadedKey = '';

/** The graph view's parameters as they are in the URL. */
export function graphParams(): Record<string, string> {
  const p: Record<string, string> = { view: 'graph' };
  for (const k of ['focus', 'exp', 'kinds', 'hide', 'sel', 'path']) if (param(k)) p[k] = param(k);
  return p;
}
const list = (name: string) => param(name).split(',').filter(Boolean);
const kinds = (): Kind[] => (param('kinds') ? (list('kinds') as Kind[]) : DEFAULT_KINDS);

export function graphCore(): Core {
  cy ??= init();
  return cy;
}

function init(): Core {
  wireGraphControls();
  const core = createGraph(byId('graph'));
  window.explorer.cy = core;
  const card = byId('hover-card');
  core.on('tap', 'node', (e) => navigate({ sel: (e.target as NodeSingular).id() }, true));
  core.on('dbltap', 'node', (e) => expand((e.target as NodeSingular).id()));
  core.on('mouseover', 'node', (e) => {
    const n = e.target as NodeSingular;
    const p = n.renderedPosition();
    card.replaceChildren(
      el('strong', {}, String(n.data('label'))),
      el(
        'span',
        {},
        `${KIND_STYLE[n.data('kind') as Kind].name.replace(/s$/, '')} · ${plural(n.degree(false), 'link')} · ${plural((n.data('sources') as string[]).length, 'report')}`,
      ),
      el('span', { className: 'hint' }, 'Click for details, double-click to expand'),
    );
    card.style.left = `${Math.min(p.x + 14, byId('graph').clientWidth - 260)}px`;
    card.style.top = `${p.y + 14}px`;
    card.hidden = false;
    n.connectedEdges().addClass('hover');
  });
  core.on('mouseout', 'node', (e) => {
    card.hidden = true;
    (e.target as NodeSingular).connectedEdges().removeClass('hover');
  });
  return core;
}

export function expand(id: string): void {
  const exp = list('exp');
  if (!exp.includes(id)) navigate({ exp: [...exp, id].join(','), sel: id }, true);
}

type Slice = { nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean };

async function load(core: Core, focus: string): Promise<void> {
  const centres = [focus, ...list('exp')];
  const slices: Slice[] = [];
  for (const around of centres) {
    const { graph } = await gql<{ graph: Slice }>(GRAPH_QUERY, { around, kinds: kinds() });
    slices.push(graph);
  }
  core.elements().remove();
  const seen = new Set<string>();
  for (const s of slices)
    core.add(
      toElements(s.nodes, s.edges).filter(
        (e) => !seen.has(String(e.data.id)) && seen.add(String(e.data.id)),
      ),
    );
  core.getElementById(focus).addClass('focus');
  updateDegrees(core);
  const mediators = core
    .edges('[type = "MEDIATED"]')
    .sources()
    .map((n) => n.id());
  runLayout(core, { left: sides[0]?.id, right: sides[1]?.id, mediators, centre: focus });
  byId('graph').dataset.nodeCount = String(core.nodes().length);
  byId('status').textContent =
    `${plural(core.nodes().length, 'node')}, ${plural(core.edges().length, 'relationship')} around ${centres.map((c) => String(core.getElementById(c).data('label') ?? c)).join(', ')}`;
}

function controls(core: Core): void {
  const kindBox = byId('kind-filter');
  kindBox.replaceChildren(
    el('legend', {}, 'Kinds'),
    ...Object.entries(KIND_STYLE).map(([kind, s]) => {
      const input = el('input', {
        type: 'checkbox',
        value: kind,
        checked: kinds().includes(kind as Kind),
      });
      input.addEventListener('change', () => {
        const chosen = [...kindBox.querySelectorAll<HTMLInputElement>('input:checked')].map(
          (i) => i.value,
        );
        navigate({ kinds: chosen.join(',') }, true);
      });
      const swatch = el('span', { className: 'swatch' });
      swatch.style.background = s.colour;
      return el('label', {}, input, swatch, s.name);
    }),
  );
  const hidden = new Set(list('hide'));
  const types = [...new Set(core.edges().map((e) => String(e.data('type'))))].sort();
  const edgeBox = byId('edge-filter');
  edgeBox.replaceChildren(
    el('legend', {}, 'Relationships'),
    ...types.map((t) => {
      const input = el('input', { type: 'checkbox', value: t, checked: !hidden.has(t) });
      input.addEventListener('change', () => {
        const off = [...edgeBox.querySelectorAll<HTMLInputElement>('input:not(:checked)')].map(
          (i) => i.value,
        );
        navigate({ hide: off.join(',') }, true);
      });
      return el('label', {}, input, t.toLowerCase().replace(/_/g, ' '));
    }),
  );
  core.edges().forEach((e) => {
    e.toggleClass('hidden-type', hidden.has(String(e.data('type'))));
  });
  const nodes = core
    .nodes()
    .sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label'))));
  const fill = (select: HTMLSelectElement, first: string, value: string) => {
    select.replaceChildren(
      new Option(first, ''),
      ...nodes.map((n) => new Option(String(n.data('short')), n.id())),
    );
    select.value = value;
  };
  fill(byId<HTMLSelectElement>('node-select'), 'Select a node…', param('sel'));
  fill(byId<HTMLSelectElement>('path-select'), 'Highlight a path to…', param('path'));
}

async function highlightPath(core: Core, from: string, to: string): Promise<void> {
  core.elements().removeClass('path faded');
  if (!to || to === from) return;
  const { connections } = await gql<{
    connections: {
      steps: {
        type: string;
        from: { id: string; __typename: string };
        to: { id: string; __typename: string };
      }[];
    }[];
  }>(
    CONNECTIONS_QUERY.replace('from { id }', `from { __typename id ${NAME_FIELDS} }`).replace(
      'to { id }',
      `to { __typename id ${NAME_FIELDS} }`,
    ),
    { from, to },
  );
  const path = connections[0];
  if (!path) {
    byId('status').textContent = `No path of up to 4 steps from ${from} to ${to}.`;
    return;
  }
  let added = false;
  for (const step of path.steps)
    for (const end of [step.from, step.to])
      if (core.getElementById(end.id).empty()) {
        core.add({
          group: 'nodes',
          data: {
            id: end.id,
            kind: end.__typename.toUpperCase(),
            label: nameOf(end),
            short: nameOf(end).slice(0, 44),
            sources: [],
            disputed: false,
            degree: 1,
          },
        });
        added = true;
      }
  let trail = core.collection();
  for (const step of path.steps) {
    let edge = core.edges(
      `[source = "${step.from.id}"][target = "${step.to.id}"][type = "${step.type}"]`,
    );
    if (edge.empty())
      edge = core.add({
        group: 'edges',
        data: {
          id: `p:${step.from.id}:${step.type}:${step.to.id}`,
          source: step.from.id,
          target: step.to.id,
          type: step.type,
          sources: [],
        },
      });
    trail = trail
      .union(edge)
      .union(core.getElementById(step.from.id))
      .union(core.getElementById(step.to.id));
  }
  if (added)
    runLayout(core, { left: sides[0]?.id, right: sides[1]?.id, mediators: [], centre: from });
  trail.addClass('path');
  core.elements().not(trail).addClass('faded');
  byId('status').textContent =
    `Path of ${plural(path.steps.length, 'step')}: ${path.steps.map((s) => s.type).join(' → ')}`;
}

export async function renderGraph(): Promise<void> {
  await loadBoard();
  const core = graphCore();
  core.resize();
  const focus = param('focus') || sides[0]?.id || '';
  const key = [focus, param('exp'), param('kinds')].join('|');
  if (key !== loadedKey) {
    byId('status').textContent = 'Loading graph…';
    await load(core, focus);
    loadedKey = key;
  }
  controls(core);
  await highlightPath(core, focus, param('path'));
  core.elements().unselect();
  const sel = param('sel');
  const details = byId('details');
  if (sel) {
    core.getElementById(sel).select();
    await showDetails(details, sel, { graphParams, expand });
  } else {
    details.replaceChildren(
      el(
        'p',
        { className: 'hint' },
        'Click a node, or choose one in “Select a node”, for its properties, neighbours and reports. Double-click (or “Expand neighbours”) adds its neighbours.',
      ),
    );
  }
  byId('graph').dataset.ready = 'true';
}

/** Keyboard and form controls of the graph view; wired once, with the graph. */
function wireGraphControls(): void {
  byId<HTMLSelectElement>('node-select').addEventListener('change', (e) =>
    navigate({ sel: (e.target as HTMLSelectElement).value }, true),
  );
  byId<HTMLSelectElement>('path-select').addEventListener('change', (e) =>
    navigate({ path: (e.target as HTMLSelectElement).value }, true),
  );
  byId('relayout').addEventListener('click', () => {
    const core = graphCore();
    runLayout(core, {
      left: sides[0]?.id,
      right: sides[1]?.id,
      mediators: core
        .edges('[type = "MEDIATED"]')
        .sources()
        .map((n) => n.id()),
      centre: param('focus') || sides[0]?.id,
    });
  });
  window.addEventListener('resize', () => cy?.resize());
}
