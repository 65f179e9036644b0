/**
 * A structural layout: fCoSE with the two sides pinned left and right and the mediators
 * between them, then labels pushed apart until no two labels (or nodes) overlap.
 */
import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';

export interface Structure {
  left?: string;
  right?: string;
  mediators: string[];
  /** The node to keep in view when the graph is too big to fit legibly. */
  centre?: string;
}

const SPREAD = 420;

export function runLayout(cy: Core, structure: Structure): void {
  const fixed: { nodeId: string; position: { x: number; y: number } }[] = [];
  const present = (id?: string) => Boolean(id) && cy.getElementById(id!).nonempty();
  if (present(structure.left))
    fixed.push({ nodeId: structure.left!, position: { x: -SPREAD, y: 0 } });
  if (present(structure.right))
    fixed.push({ nodeId: structure.right!, position: { x: SPREAD, y: 0 } });
  const mediators = structure.mediators.filter(
    (m) => present(m) && !fixed.some((f) => f.nodeId === m),
  );
  mediators.forEach((m, i) =>
    fixed.push({ nodeId: m, position: { x: 0, y: (i - (mediators.length - 1) / 2) * 160 - 40 } }),
  );
  // A deterministic start (a circle in id order) so a permalink draws the same picture.
  const nodes = cy.nodes().sort((a, b) => a.id().localeCompare(b.id()));
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, nodes.length);
    n.position({ x: 300 * Math.cos(angle), y: 300 * Math.sin(angle) });
  });
  cy.layout({
    name: 'fcose',
    quality: 'proof',
    randomize: false,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: true,
    nodeRepulsion: () => 9000,
    idealEdgeLength: () => 120,
    nodeSeparation: 90,
    fixedNodeConstraint: fixed.length ? fixed : undefined,
    // fcose's own options are not in cytoscape's LayoutOptions type.
  } as unknown as LayoutOptions).run();
  separateLabels(cy, new Set(fixed.map((f) => f.nodeId)));
  cy.fit(cy.elements(':visible'), 24);
  // On a narrow screen a fitted graph has unreadable labels: zoom in on the centre node
  // instead (pan to see the rest).
  const legible = cy.width() < 700 ? 0.8 : 0.6;
  if (cy.zoom() < legible) {
    cy.zoom(legible);
    const centre = structure.centre ? cy.getElementById(structure.centre) : cy.collection();
    cy.center(centre.nonempty() ? centre : cy.elements(':visible'));
  }
}

type Box = { x1: number; y1: number; x2: number; y2: number };
const boxOf = (n: NodeSingular): Box =>
  n.boundingBox({ includeLabels: true, includeOverlays: false });
const GAP = 6;

/** Pushes apart nodes whose boxes (node and label) overlap, along the cheaper axis. */
function separateLabels(cy: Core, pinned: Set<string>): void {
  const nodes = cy.nodes(':visible').toArray();
  for (let round = 0; round < 300; round++) {
    let moved = false;
    const boxes = nodes.map(boxOf);
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + GAP;
        const dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + GAP;
        if (dx <= 0 || dy <= 0) continue;
        const ni = nodes[i]!;
        const nj = nodes[j]!;
        const pi = ni.position();
        const pj = nj.position();
        const horizontal = dx < dy;
        const sign = horizontal ? (pi.x <= pj.x ? -1 : 1) : pi.y <= pj.y ? -1 : 1;
        const d = (horizontal ? dx : dy) / 2 + 1;
        const iFixed = pinned.has(ni.id());
        const jFixed = pinned.has(nj.id());
        const shareI = iFixed ? 0 : jFixed ? 2 : 1;
        const shareJ = jFixed ? 0 : iFixed ? 2 : 1;
        if (horizontal) {
          ni.position({ x: pi.x + sign * d * shareI, y: pi.y });
          nj.position({ x: pj.x - sign * d * shareJ, y: pj.y });
        } else {
          ni.position({ x: pi.x, y: pi.y + sign * d * shareI });
          nj.position({ x: pj.x, y: pj.y - sign * d * shareJ });
        }
        boxes[i] = boxOf(ni);
        boxes[j] = boxOf(nj);
        moved = true;
      }
    }
    if (!moved) return;
  }
}
