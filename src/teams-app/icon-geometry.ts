// Signed-distance helpers for the icon shapes: negative inside, positive outside.
// Distances make strokes (the outline icon) as easy as fills (the colour icon).

export type Point = readonly [number, number];

export interface RoundRect {
  cx: number;
  cy: number;
  halfWidth: number;
  halfHeight: number;
  radius: number;
}

export function sdRoundRect(x: number, y: number, r: RoundRect): number {
  const qx = Math.abs(x - r.cx) - r.halfWidth + r.radius;
  const qy = Math.abs(y - r.cy) - r.halfHeight + r.radius;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r.radius;
}

/** Distance from (x, y) to the segment a-b (never negative). */
export function distToSegment(x: number, y: number, a: Point, b: Point): number {
  const [ax, ay] = a;
  const dx = b[0] - ax;
  const dy = b[1] - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

export function distToPolyline(x: number, y: number, points: readonly Point[]): number {
  let d = Infinity;
  for (let i = 1; i < points.length; i++) d = Math.min(d, distToSegment(x, y, points[i - 1]!, points[i]!));
  return d;
}

/** Signed distance to a simple polygon (even-odd rule decides the sign). */
export function sdPolygon(x: number, y: number, points: readonly Point[]): number {
  let d = Infinity;
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    d = Math.min(d, distToSegment(x, y, points[j]!, points[i]!));
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? -d : d;
}
