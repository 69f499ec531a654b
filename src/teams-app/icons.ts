import { distToPolyline, sdPolygon, sdRoundRect, type Point, type RoundRect } from './icon-geometry.js';
import { encodePng } from './png.js';

// Warmline's mark: a speech bubble with a check mark ("a second read before you send").
// Coordinates are fractions of the icon side so both sizes share one description.
interface BubbleDesign {
  bubble: RoundRect;
  tail: readonly Point[];
  check: readonly Point[];
  checkWidth: number;
}

export const ACCENT = { hex: '#E8702A', rgb: [0xe8, 0x70, 0x2a] as const };
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

// Teams crops the colour icon and wants the symbol inside the middle ~60%.
const COLOR_DESIGN: BubbleDesign = {
  bubble: { cx: 0.5, cy: 0.46, halfWidth: 0.3, halfHeight: 0.21, radius: 0.09 },
  tail: [[0.3, 0.6], [0.45, 0.6], [0.27, 0.79]],
  check: [[0.37, 0.46], [0.46, 0.55], [0.63, 0.37]],
  checkWidth: 0.065,
};

// The outline icon is meant to fill its 32x32 box with no padding.
const OUTLINE_DESIGN: BubbleDesign = {
  bubble: { cx: 0.5, cy: 0.42, halfWidth: 0.45, halfHeight: 0.33, radius: 0.14 },
  tail: [[0.2, 0.66], [0.42, 0.66], [0.14, 0.96]],
  check: [[0.3, 0.43], [0.44, 0.57], [0.7, 0.3]],
  checkWidth: 0.085,
};
const OUTLINE_STROKE = 2 / OUTLINE_ICON_SIZE;
const BACKGROUND: RoundRect = { cx: 0.5, cy: 0.5, halfWidth: 0.5, halfHeight: 0.5, radius: 0.18 };

const SUPERSAMPLE = 4;
type Rgba = readonly [number, number, number, number];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];
const ACCENT_RGBA: Rgba = [...ACCENT.rgb, 255];

function sdBubble(x: number, y: number, d: BubbleDesign): number {
  return Math.min(sdRoundRect(x, y, d.bubble), sdPolygon(x, y, d.tail));
}

/** Render by supersampling a colour function over [0,1]²; averaging premultiplied colour gives clean edges. */
function render(size: number, colorAt: (x: number, y: number) => Rgba): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = colorAt((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          r += c[0] * c[3]; g += c[1] * c[3]; b += c[2] * c[3]; a += c[3];
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a); out[i + 1] = Math.round(g / a); out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round(a / n);
    }
  }
  return out;
}

export function colorIconPixels(): Uint8Array {
  const d = COLOR_DESIGN;
  return render(COLOR_ICON_SIZE, (x, y) => {
    if (distToPolyline(x, y, d.check) <= d.checkWidth / 2) return ACCENT_RGBA;
    if (sdBubble(x, y, d) <= 0) return WHITE;
    return sdRoundRect(x, y, BACKGROUND) <= 0 ? ACCENT_RGBA : CLEAR;
  });
}

/** White on transparent only, as Teams requires for the outline icon. */
export function outlineIconPixels(): Uint8Array {
  const d = OUTLINE_DESIGN;
  return render(OUTLINE_ICON_SIZE, (x, y) => {
    const s = sdBubble(x, y, d);
    const onBorder = s <= 0 && s >= -OUTLINE_STROKE;
    return onBorder || distToPolyline(x, y, d.check) <= d.checkWidth / 2 ? WHITE : CLEAR;
  });
}

export const colorIconPng = (): Buffer => encodePng(COLOR_ICON_SIZE, COLOR_ICON_SIZE, colorIconPixels());
export const outlineIconPng = (): Buffer => encodePng(OUTLINE_ICON_SIZE, OUTLINE_ICON_SIZE, outlineIconPixels());
