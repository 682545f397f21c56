// The infographic's colours: text at 4.5:1 or more on its background, bars at 3:1 or more on white.

export const PALETTE = {
  page: '#ffffff',
  header: '#102a43',
  headerText: '#ffffff',
  headerSubtext: '#d9e2ec',
  text: '#102a43',
  mutedText: '#3e4c59',
  footer: '#eef1f4',
  rule: '#bcccdc',
  /** The headline figure when it is a weak share. */
  weakFigure: '#b3261e',
  /** Last month's bars, and their legend swatch. */
  previousBar: '#6b7785',
  previousText: '#3e4c59',
} as const;

/** Bar colours from the lowest band to the highest (each at 3:1 or more on white). */
const BAND_COLOURS = ['#b3261e', '#b4500c', '#8a6d00', '#4a7a1c', '#1b5e20'] as const;

/** The colour of band `index` of `count`, spread over the scale from the lowest to the highest. */
export function bandColour(index: number, count: number): string {
  const last = BAND_COLOURS.length - 1;
  const at = count <= 1 ? last : Math.round((index * last) / (count - 1));
  return BAND_COLOURS[at] ?? '#1b5e20';
}
