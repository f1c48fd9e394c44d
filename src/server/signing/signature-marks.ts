/**
 * Vector stand-ins for the signature image when the caller gives no PNG, drawn in a unit box (content
 * stream operators, placed by the caller's `cm`). Ink colours follow ND 30 practice: personal
 * signatures in blue, the agency seal in red.
 */
export type TDefaultMark = 'signature' | 'seal';

const f = (n: number) => Number(n.toFixed(4)).toString();

// A cursive signature in a box 3 wide and 1 high: a looped capital, small joined loops, a tall
// stroke, and an underline sweeping back to the left. Curve segments are [x1 y1 x2 y2 x3 y3].
const FLOURISH_START = [0.1, 0.35] as const;
const FLOURISH = [
  [0.2, 0.9, 0.5, 1.0, 0.45, 0.75],
  [0.4, 0.5, 0.15, 0.2, 0.3, 0.15],
  [0.5, 0.1, 0.7, 0.5, 0.75, 0.45],
  [0.8, 0.4, 0.8, 0.7, 0.95, 0.65],
  [1.1, 0.6, 0.95, 0.3, 1.05, 0.3],
  [1.15, 0.3, 1.2, 0.7, 1.35, 0.6],
  [1.45, 0.55, 1.3, 0.25, 1.45, 0.3],
  [1.6, 0.35, 1.7, 0.95, 1.8, 0.9],
  [1.9, 0.85, 1.75, 0.2, 1.85, 0.25],
  [1.95, 0.3, 2.1, 0.55, 2.2, 0.5],
  [2.35, 0.45, 2.3, 0.3, 2.45, 0.35],
  [2.7, 0.45, 2.95, 0.4, 2.8, 0.25],
  [2.6, 0.05, 1.0, 0.1, 0.3, 0.08],
];

/** A circle from four Bézier arcs (k = 0.5523 r approximates a quarter circle). */
function circle(cx: number, cy: number, r: number): string[] {
  const k = 0.5523 * r;
  return [
    `${f(cx + r)} ${f(cy)} m`,
    `${f(cx + r)} ${f(cy + k)} ${f(cx + k)} ${f(cy + r)} ${f(cx)} ${f(cy + r)} c`,
    `${f(cx - k)} ${f(cy + r)} ${f(cx - r)} ${f(cy + k)} ${f(cx - r)} ${f(cy)} c`,
    `${f(cx - r)} ${f(cy - k)} ${f(cx - k)} ${f(cy - r)} ${f(cx)} ${f(cy - r)} c`,
    `${f(cx + k)} ${f(cy - r)} ${f(cx + r)} ${f(cy - k)} ${f(cx + r)} ${f(cy)} c`,
    'S',
  ];
}

/** A filled five-pointed star, as at the centre of a Vietnamese state seal. */
function star(cx: number, cy: number, r: number): string[] {
  const ops = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? r : r * 0.4;
    const angle = Math.PI / 2 + (i * Math.PI) / 5;
    return `${f(cx + radius * Math.cos(angle))} ${f(cy + radius * Math.sin(angle))} ${i === 0 ? 'm' : 'l'}`;
  });
  return [...ops, 'h f'];
}

/**
 * The mark's content-stream operators, drawn in a box `aspect` wide and 1 high (so a uniform scale
 * keeps line widths even), with colour and line width set.
 */
export function defaultMark(kind: TDefaultMark): { ops: string; aspect: number } {
  if (kind === 'seal') {
    const ops = [
      '0.85 0.1 0.1 RG 0.85 0.1 0.1 rg 0.035 w',
      ...circle(0.5, 0.5, 0.47),
      '0.015 w',
      ...circle(0.5, 0.5, 0.36),
      ...star(0.5, 0.5, 0.2),
    ];
    return { ops: ops.join('\n'), aspect: 1 };
  }
  const point = (c: readonly number[]) => c.map(f).join(' ');
  const ops = [
    '0.05 0.2 0.7 RG 0.03 w 1 J 1 j',
    `${point(FLOURISH_START)} m`,
    ...FLOURISH.map((c) => `${point(c)} c`),
    'S',
  ];
  return { ops: ops.join('\n'), aspect: 3 };
}
