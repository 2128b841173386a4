/** A time axis for the SVG charts: nice tick steps in seconds and the x scale. */
import { svg } from '../dom';
import { clock } from './format';

const STEPS = [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400];

export interface Scale {
  readonly x0: number;
  readonly width: number;
  readonly end: number;
  x(t: number): number;
}

export function timeScale(x0: number, width: number, end: number): Scale {
  const span = Math.max(end, 1);
  return { x0, width, end: span, x: (t) => x0 + (Math.max(0, Math.min(t, span)) / span) * width };
}

export function tickStep(end: number, maxTicks = 8): number {
  return STEPS.find((s) => end / s <= maxTicks) ?? Math.ceil(end / maxTicks / 86_400) * 86_400;
}

/** Vertical grid lines with m:ss labels along y = `labelY`. */
export function timeAxis(scale: Scale, top: number, bottom: number, labelY: number): SVGGElement {
  const g = svg('g', { class: 'axis', 'aria-hidden': 'true' });
  const step = tickStep(scale.end);
  for (let t = 0; t <= scale.end + 1e-9; t += step) {
    const x = scale.x(t);
    g.append(svg('line', { class: 'grid', x1: x, x2: x, y1: top, y2: bottom }));
    g.append(svg('text', { class: 'tick', x, y: labelY, 'text-anchor': 'middle' }, clock(t)));
  }
  return g;
}
