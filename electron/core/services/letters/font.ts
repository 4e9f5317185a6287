import fs from 'node:fs';
import { createRequire } from 'node:module';

/** Titillium Web (OFL), the Italian public administration's type: regular, semibold and bold, Latin and Latin Extended. */
const FILES = [400, 600, 700].flatMap((weight) => [
  {
    weight,
    subset: 'latin-ext',
    range:
      'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF',
  },
  {
    weight,
    subset: 'latin',
    range:
      'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
  },
]);

/**
 * The font's bytes: beside the bundle (dist/core/fonts/, copied by the build) or, from the
 * sources, in the @fontsource package. Nothing is fetched: the letters embed it as data URLs.
 */
function readFont(name: string): Buffer {
  const bundled = new URL(`./fonts/${name}`, import.meta.url);
  if (fs.existsSync(bundled)) return fs.readFileSync(bundled);
  return fs.readFileSync(createRequire(import.meta.url).resolve(`@fontsource/titillium-web/files/${name}`));
}

let cached: string | null = null;

/** The @font-face rules, built once per process (about 150 KB of CSS). */
export function fontFaceCss(): string {
  if (cached) return cached;
  cached = FILES.map(({ weight, subset, range }) => {
    const data = readFont(`titillium-web-${subset}-${weight}-normal.woff2`).toString('base64');
    return `@font-face{font-family:'Titillium Web';font-style:normal;font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range};}`;
  }).join('\n');
  return cached;
}
