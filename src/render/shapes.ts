// Mark shapes, centred on (x, y) with radius r. Shape tells types apart as well as colour. One
// geometry serves the canvas, the exported SVG and the legend icons.
import type { MarkShape } from '../model/taxonomy.ts';

type Point = readonly [number, number];

/** Unit outlines (radius 1, centred on 0,0); the circle is drawn as an arc. */
const STAR: Point[] = Array.from({ length: 10 }, (_, i) => {
  const radius = i % 2 === 0 ? 1.25 : 0.55;
  const angle = -Math.PI / 2 + (i * Math.PI) / 5;
  return [Math.cos(angle) * radius, Math.sin(angle) * radius] as const;
});
const CROSS_ARM = 0.38;
const CROSS_END = 1.05;
const OUTLINES: Record<Exclude<MarkShape, 'circle'>, readonly Point[]> = {
  square: [[-0.85, -0.85], [0.85, -0.85], [0.85, 0.85], [-0.85, 0.85]],
  diamond: [[0, -1.15], [1.15, 0], [0, 1.15], [-1.15, 0]],
  triangle: [[0, -1.15], [1.1, 0.85], [-1.1, 0.85]],
  'triangle-down': [[0, 1.15], [1.1, -0.85], [-1.1, -0.85]],
  cross: [
    [-CROSS_ARM, -CROSS_END], [CROSS_ARM, -CROSS_END], [CROSS_ARM, -CROSS_ARM], [CROSS_END, -CROSS_ARM],
    [CROSS_END, CROSS_ARM], [CROSS_ARM, CROSS_ARM], [CROSS_ARM, CROSS_END], [-CROSS_ARM, CROSS_END],
    [-CROSS_ARM, CROSS_ARM], [-CROSS_END, CROSS_ARM], [-CROSS_END, -CROSS_ARM], [-CROSS_ARM, -CROSS_ARM],
  ],
  star: STAR,
  // "Other development": its own shape, since its grey is as light as the clash's vermillion.
  hexagon: Array.from({ length: 6 }, (_, i) => [Math.cos((i * Math.PI) / 3) * 1.1, Math.sin((i * Math.PI) / 3) * 1.1] as const),
};

export function traceShape(ctx: CanvasRenderingContext2D, shape: MarkShape, x: number, y: number, r: number): void {
  ctx.beginPath();
  if (shape === 'circle') {
    ctx.arc(x, y, r, 0, Math.PI * 2);
    return;
  }
  OUTLINES[shape].forEach(([px, py], i) => (i === 0 ? ctx.moveTo(x + px * r, y + py * r) : ctx.lineTo(x + px * r, y + py * r)));
  ctx.closePath();
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The same outline as SVG path data. */
export function shapePathData(shape: MarkShape, x: number, y: number, r: number): string {
  if (shape === 'circle') return `M${round(x - r)},${round(y)}a${r},${r} 0 1,0 ${round(2 * r)},0a${r},${r} 0 1,0 ${round(-2 * r)},0Z`;
  return `${OUTLINES[shape].map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${round(x + px * r)},${round(y + py * r)}`).join('')}Z`;
}

/** A counted mark: a circle of `fill` with its count (99+ past 99) in the text colour that reads on it. */
export function drawCountedCircle(ctx: CanvasRenderingContext2D, x: number, y: number, radius: number, count: number, fill: string, textColour: string, font: string): void {
  ctx.beginPath();
  ctx.arc(x, y, radius, 0, Math.PI * 2);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = textColour;
  ctx.font = `bold 10px ${font.replace(/^\d+px /, '')}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(count > 99 ? '99+' : String(count), x, y + 0.5);
  ctx.textAlign = 'start';
}
