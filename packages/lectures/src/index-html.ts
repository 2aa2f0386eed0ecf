import type { LectureInfo } from './catalog';
import type { LectureNumber } from './report';

/** One figure as written to disk, for {@link indexHtml}. */
export interface WrittenFigure {
  /** Caption under the figure. */
  caption: string;
  /** The file shown in the page (the GIF for animations, else the SVG). */
  shown: string;
  /** Every file written for this figure (SVG, PNG, GIF), linked under the caption. */
  files: string[];
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and attribute values. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * The `index.html` of a lecture's output folder: title, the numbers beside the lecture's, and each
 * figure with its caption and links to its files (relative paths, so the folder can move).
 *
 * @example
 * ```ts
 * const html = indexHtml(lectureInfo('d2l'), report.numbers, [{ caption: 'tanh', shown: 'tanh.svg', files: ['tanh.svg'] }]);
 * ```
 */
export function indexHtml(
  info: LectureInfo,
  numbers: readonly LectureNumber[],
  figures: readonly WrittenFigure[],
): string {
  const rows = numbers
    .map(
      (n) =>
        `<tr><td>${escapeHtml(n.label)}</td><td>${escapeHtml(n.lecture ?? '—')}</td><td><code>${escapeHtml(n.gd)}</code></td></tr>`,
    )
    .join('\n');
  const figs = figures
    .map((f) => {
      const src = encodeURI(f.shown);
      const links = f.files.map((file) => `<a href="${encodeURI(file)}">${escapeHtml(file)}</a>`);
      return `<figure>\n<img src="${src}" alt="${escapeHtml(f.caption)}">\n<figcaption>${escapeHtml(f.caption)} <small>(${links.join(' · ')})</small></figcaption>\n</figure>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(info.title)} — gd</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; margin: 1rem 0 2rem; }
td, th { border-bottom: 1px solid #ddd; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
figure { margin: 2rem 0; }
img { max-width: 100%; border: 1px solid #eee; }
figcaption { color: #444; margin-top: 0.4rem; }
</style>
</head>
<body>
<h1>${escapeHtml(info.title)}</h1>
<p lang="ja">${escapeHtml(info.titleJa)}</p>
<p>${escapeHtml(info.summary)}</p>
<h2>Numbers: the lecture's beside gd's</h2>
<table>
<thead><tr><th>what</th><th>lecture</th><th>gd</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Figures</h2>
${figs}
</body>
</html>
`;
}
