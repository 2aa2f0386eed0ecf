/**
 * Okabe–Ito colours (Okabe & Ito 2008), ordered so the first few are distinguishable for all
 * common colour-vision deficiencies and readable on white; yellow comes last because it is not.
 *
 * @example
 * ```js
 * linePlot({ y: losses, color: OKABE_ITO[1] }); // vermillion
 * ```
 */
export const OKABE_ITO: readonly string[] = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#F0E442',
];

/** Visual settings shared by every plot; pass a partial object as `theme` to override. */
export interface Theme {
  /** Series colours, cycled in order. */
  palette: readonly string[];
  background: string;
  /** Colour of axes, ticks and text. */
  foreground: string;
  /** Colour of the grid lines. */
  grid: string;
  fontFamily: string;
  /** Font sizes in px. */
  titleSize: number;
  labelSize: number;
  tickSize: number;
  legendSize: number;
  lineWidth: number;
}

/**
 * The default theme: white background, dark grey text, light grid, Okabe–Ito series colours,
 * DejaVu Sans (falling back to Helvetica/Arial), 2 px lines.
 *
 * @example
 * ```js
 * linePlot({ y: losses }, { theme: { ...defaultTheme, lineWidth: 1 } });
 * ```
 */
export const defaultTheme: Theme = {
  palette: OKABE_ITO,
  background: '#ffffff',
  foreground: '#262626',
  grid: '#e5e5e5',
  fontFamily: 'DejaVu Sans, Helvetica, Arial, sans-serif',
  titleSize: 15,
  labelSize: 13,
  tickSize: 11,
  legendSize: 11,
  lineWidth: 2,
};

/** Merges a partial theme over the default. */
export function resolveTheme(theme?: Partial<Theme>): Theme {
  return { ...defaultTheme, ...theme };
}

/** Estimated rendered width of `text` in px; DejaVu Sans averages ~0.6 em per character. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[ilj.,:;'|!]/.test(ch) ? 0.3 : /[mwMW]/.test(ch) ? 0.85 : 0.6;
  return w * size;
}
