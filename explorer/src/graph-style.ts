/**
 * The graph drawing: Cytoscape.js with a colour and a shape per kind, node size by number
 * of links, wrapped labels legible at the default zoom, and classes for paths and fading.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';

import type { GraphEdge, GraphNode, Kind } from './api.ts';

cytoscape.use(fcose);

export const KIND_STYLE: Record<
  Kind,
  { colour: string; shape: cytoscape.Css.NodeShape; name: string }
> = {
  ACTOR: { colour: '#2563eb', shape: 'ellipse', name: 'Actors' },
  DEMAND: { colour: '#d97706', shape: 'round-rectangle', name: 'Demands' },
  MEETING: { colour: '#059669', shape: 'hexagon', name: 'Meetings' },
  INCIDENT: { colour: '#dc2626', shape: 'triangle', name: 'Incidents' },
  STATEMENT: { colour: '#7c3aed', shape: 'diamond', name: 'Statements' },
  CLAIM: { colour: '#db2777', shape: 'tag', name: 'Claims' },
  SOURCE: { colour: '#6b7280', shape: 'rectangle', name: 'Reports' },
};

const shorten = (s: string, n = 44) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function createGraph(container: HTMLElement): Core {
  return cytoscape({
    container,
    minZoom: 0.2,
    maxZoom: 3,
    wheelSensitivity: 0.3,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(short)',
          'font-size': 12,
          color: '#111827',
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-wrap': 'wrap',
          'text-max-width': '120px',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.85,
          'text-background-padding': '1px',
          width: 'mapData(degree, 1, 16, 18, 56)',
          height: 'mapData(degree, 1, 16, 18, 56)',
          'border-width': 1,
          'border-color': '#fff',
        },
      },
      ...Object.entries(KIND_STYLE).map(([kind, s]) => ({
        selector: `node[kind = "${kind}"]`,
        style: { 'background-color': s.colour, shape: s.shape },
      })),
      { selector: 'node[kind = "ACTOR"]', style: { 'font-weight': 'bold', 'font-size': 13 } },
      {
        selector: 'edge',
        style: {
          width: 1.2,
          'line-color': '#b6bcc6',
          'target-arrow-color': '#b6bcc6',
          'target-arrow-shape': 'triangle',
          'arrow-scale': 0.8,
          'curve-style': 'bezier',
        },
      },
      {
        selector: 'edge[type = "REJECTED"]',
        style: { 'line-color': '#dc2626', 'target-arrow-color': '#dc2626' },
      },
      {
        selector: 'edge[type = "MEDIATED"]',
        style: { 'line-color': '#059669', 'target-arrow-color': '#059669' },
      },
      { selector: 'edge[type = "REPORTED_BY"]', style: { 'line-style': 'dotted' } },
      {
        selector: '.disputed',
        style: { 'border-width': 4, 'border-color': '#f59e0b', 'border-style': 'double' },
      },
      { selector: 'node.focus', style: { 'border-width': 3, 'border-color': '#0f172a' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111' } },
      {
        selector: 'edge.hover, edge.path',
        style: {
          label: 'data(type)',
          'font-size': 10,
          'text-rotation': 'autorotate',
          'text-background-color': '#fff',
          'text-background-opacity': 0.9,
        },
      },
      {
        selector: 'edge.path',
        style: { 'line-color': '#7c3aed', 'target-arrow-color': '#7c3aed', width: 4 },
      },
      { selector: 'node.path', style: { 'border-color': '#7c3aed', 'border-width': 4 } },
      { selector: '.faded', style: { opacity: 0.2 } },
      { selector: '.hidden-type', style: { display: 'none' } },
    ],
  });
}

export function toElements(nodes: GraphNode[], edges: GraphEdge[]): ElementDefinition[] {
  return [
    ...nodes.map((n) => ({
      group: 'nodes' as const,
      data: { ...n, short: shorten(n.label), degree: 1 },
    })),
    ...edges.map((e) => ({
      group: 'edges' as const,
      data: { id: `e:${e.id}`, source: e.from, target: e.to, type: e.type, sources: e.sources },
    })),
  ];
}

/** Node size follows the number of links drawn. */
export function updateDegrees(cy: Core): void {
  cy.nodes().forEach((n) => {
    n.data('degree', Math.max(1, n.degree(false)));
  });
}
