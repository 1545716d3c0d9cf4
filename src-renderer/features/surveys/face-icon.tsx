/** Mouth curvature per score: a frown at 1, a straight line at 3, a broad smile at 5. */
const CURVE: Record<number, number> = { 1: -10, 2: -5, 3: 0, 4: 6, 5: 11 };
const COLOUR: Record<number, string> = { 1: '#d4380d', 2: '#fa8c16', 3: '#8c8c8c', 4: '#7cb305', 5: '#389e0d' };

/** A face drawn as SVG, so it looks the same on every desk whatever emoji font is installed. */
export function FaceIcon({ score, size }: { score: number; size: number }) {
  const curve = CURVE[score] ?? 0;
  const colour = COLOUR[score] ?? '#8c8c8c';
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden focusable="false">
      <circle cx="32" cy="32" r="29" fill="#fff" stroke={colour} strokeWidth="4" />
      <circle cx="22" cy="25" r="4" fill={colour} />
      <circle cx="42" cy="25" r="4" fill={colour} />
      <path d={`M18 ${44 - curve / 2} Q32 ${44 + curve} 46 ${44 - curve / 2}`} fill="none" stroke={colour} strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}
