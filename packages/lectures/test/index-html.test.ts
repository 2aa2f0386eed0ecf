import { describe, expect, it } from 'vitest';
import { lectureInfo } from '../src/catalog';
import { indexHtml } from '../src/index-html';

describe('indexHtml', () => {
  const info = lectureInfo('d2l');

  it('shows the title, the numbers table and each figure with its caption and files', () => {
    const html = indexHtml(
      info,
      [
        { label: "tanh'(4)", lecture: '0.0013', gd: '0.00134' },
        { label: 'no lecture value', gd: '1' },
      ],
      [{ caption: 'tanh near 4', shown: 'tanh.gif', files: ['tanh.svg', 'tanh.png', 'tanh.gif'] }],
    );
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<title>d2l: Optimization and deep learning — gd</title>');
    expect(html).toContain('<td>tanh&#39;(4)</td><td>0.0013</td><td><code>0.00134</code></td>');
    expect(html).toContain('<td>no lecture value</td><td>—</td>');
    expect(html).toContain('<img src="tanh.gif" alt="tanh near 4">');
    for (const f of ['tanh.svg', 'tanh.png', 'tanh.gif']) expect(html).toContain(`href="${f}"`);
    expect(html).toContain('最適化とディープラーニング');
  });

  it('escapes markup in labels and captions', () => {
    const html = indexHtml(
      info,
      [{ label: '<script>x</script>', gd: 'a & b' }],
      [{ caption: '"quoted" <b>', shown: 'a b.svg', files: ['a b.svg'] }],
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('a &amp; b');
    expect(html).toContain('alt="&quot;quoted&quot; &lt;b&gt;"');
    expect(html).toContain('src="a%20b.svg"');
  });
});
