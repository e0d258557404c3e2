/** Pure geometry of the ZRM radar chart: one axis per domain, levels 1–5 from the centre outwards. No I/O. */

export interface Point {
  x: number;
  y: number;
}

export interface RadarOptions {
  /** Width and height of the square drawing. */
  size: number;
  /** Room around the outer ring for the axis labels. */
  margin: number;
  max: number;
}

export const DEFAULT_RADAR: RadarOptions = { size: 360, margin: 80, max: 5 };

const round = (n: number) => Math.round(n * 100) / 100;

/** The point at `value` on axis `index` of `count`; the first axis points straight up, then clockwise. */
export function radarPoint(index: number, count: number, value: number, options: RadarOptions = DEFAULT_RADAR): Point {
  const centre = options.size / 2;
  const radius = centre - options.margin;
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  const r = (radius * Math.max(0, Math.min(value, options.max))) / options.max;
  return { x: round(centre + r * Math.cos(angle)), y: round(centre + r * Math.sin(angle)) };
}

/** An SVG `points` attribute. */
export function pointsAttribute(points: readonly Point[]): string {
  return points.map((p) => `${p.x},${p.y}`).join(' ');
}

export interface RadarAxis {
  key: string;
  end: Point;
  label: Point;
  anchor: 'start' | 'middle' | 'end';
}

export interface RadarGeometry {
  size: number;
  centre: Point;
  axes: RadarAxis[];
  /** One polygon per level 1..max (the grid). */
  rings: string[];
  /** One polygon per series; a missing score is drawn at the centre. */
  series: { points: string; dots: (Point | null)[] }[];
}

/** Everything needed to draw the chart for `keys` (axes) and `series` (scores per axis, null when not scored). */
export function radarGeometry(
  keys: readonly string[],
  series: readonly (readonly (number | null)[])[],
  options: RadarOptions = DEFAULT_RADAR,
): RadarGeometry {
  const count = keys.length;
  const centre = { x: options.size / 2, y: options.size / 2 };
  const axes = keys.map((key, i) => {
    const label = radarPoint(i, count, options.max + 0.35, options);
    const dx = label.x - centre.x;
    const anchor: RadarAxis['anchor'] = Math.abs(dx) < 1 ? 'middle' : dx > 0 ? 'start' : 'end';
    return { key, end: radarPoint(i, count, options.max, options), label, anchor };
  });
  const rings = Array.from({ length: options.max }, (_, level) =>
    pointsAttribute(keys.map((_, i) => radarPoint(i, count, level + 1, options))),
  );
  return {
    size: options.size,
    centre,
    axes,
    rings,
    series: series.map((values) => {
      const points = keys.map((_, i) => radarPoint(i, count, values[i] ?? 0, options));
      return {
        points: pointsAttribute(points),
        dots: keys.map((_, i) => (values[i] === null || values[i] === undefined ? null : (points[i] ?? null))),
      };
    }),
  };
}
