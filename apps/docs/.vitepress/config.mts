import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DefaultTheme, type UserConfig, defineConfig } from 'vitepress';

type VitePlugin = Extract<
  NonNullable<NonNullable<UserConfig['vite']>['plugins']>[number],
  { name: string }
>;

const docsRoot = fileURLToPath(new URL('../../../docs', import.meta.url));
const appFile = fileURLToPath(import.meta.url);

/**
 * The Markdown lives in the repo's docs/ folder, outside this package, where Node's lookup would
 * not find this package's dependencies (vue, vitepress, @gd/*): bare imports made by files in
 * docs/ resolve as if made from here.
 */
function resolveFromApp(): VitePlugin {
  return {
    name: 'gd-docs-resolve-from-app',
    enforce: 'pre',
    async resolveId(id, importer, options) {
      if (!importer?.startsWith(docsRoot) || /^[./\0]|^[a-z]+:/i.test(id)) return null;
      return this.resolve(id, appFile, { ...options, skipSelf: true });
    },
  };
}
const apiSidebarFile = `${docsRoot}/api/typedoc-sidebar.json`;
if (!existsSync(apiSidebarFile)) {
  throw new Error(
    'docs: the API reference is missing (docs/api/typedoc-sidebar.json): run `pnpm --filter @gd/docs api` first',
  );
}
const apiPackages: DefaultTheme.SidebarItem[] = JSON.parse(readFileSync(apiSidebarFile, 'utf8'));
// One sidebar per package: the whole API in every page's sidebar would weigh ~400 kB a page.
const apiSidebar: DefaultTheme.SidebarMulti = {
  '/api/': [{ text: 'Packages', items: apiPackages.map(({ text, link }) => ({ text, link })) }],
};
for (const pkg of apiPackages) {
  apiSidebar[pkg.link!] = [
    { text: '← All packages', link: '/api/' },
    { ...pkg, collapsed: false },
  ];
}

const guideEn: DefaultTheme.SidebarItem[] = [
  {
    text: 'Start here',
    items: [
      { text: 'Getting started', link: '/guide/getting-started' },
      { text: 'Installation', link: '/guide/installation' },
      { text: 'The API contract', link: '/guide/api-contract' },
    ],
  },
  {
    text: 'Guides (one per lecture)',
    items: [
      { text: '1. Gradient descent from scratch', link: '/guide/gradient-descent' },
      { text: '2. Optimising a linear classifier', link: '/guide/linear-classifier' },
      { text: '3. The optimizer family', link: '/guide/optimizers' },
      { text: '4. Optimisation challenges', link: '/guide/challenges' },
      { text: '5. Comparing optimizers on an MLP', link: '/guide/mlp-optimizers' },
    ],
  },
  {
    text: 'Coming from…',
    items: [
      { text: 'PyTorch', link: '/guide/coming-from-pytorch' },
      { text: 'TensorFlow.js', link: '/guide/coming-from-tfjs' },
      { text: 'NumPy', link: '/guide/coming-from-numpy' },
    ],
  },
  { text: 'More', items: [{ text: 'Performance', link: '/guide/performance' }] },
];

const guideJa: DefaultTheme.SidebarItem[] = [
  {
    text: 'はじめに',
    items: [
      { text: 'はじめての gd', link: '/ja/guide/getting-started' },
      { text: 'インストール', link: '/ja/guide/installation' },
    ],
  },
  {
    text: 'ガイド（講義ごと）',
    items: [
      { text: '1. ゼロから勾配降下法', link: '/ja/guide/gradient-descent' },
      { text: '2. 線形分類器の最適化', link: '/ja/guide/linear-classifier' },
      { text: '3. 最適化手法のなかまたち', link: '/ja/guide/optimizers' },
      { text: '4. 最適化の難しさ', link: '/ja/guide/challenges' },
      { text: '5. MLP でオプティマイザを比べる', link: '/ja/guide/mlp-optimizers' },
    ],
  },
  {
    text: 'ほかのライブラリから',
    items: [
      { text: 'PyTorch', link: '/ja/guide/coming-from-pytorch' },
      { text: 'TensorFlow.js', link: '/ja/guide/coming-from-tfjs' },
      { text: 'NumPy', link: '/ja/guide/coming-from-numpy' },
    ],
  },
];

export default defineConfig({
  srcDir: '../../docs',
  srcExclude: ['snippets/**', 'README.md'],
  title: 'gd',
  description:
    'Gradient descent in TypeScript: tensors, autodiff, optimizers and schedules with PyTorch semantics',
  cleanUrls: true,
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  lastUpdated: false,
  // attrs off: package READMEs write set-builder braces such as #{m ≤ t} in formulas.
  markdown: { math: true, attrs: { disable: true } },
  locales: {
    root: {
      label: 'English',
      lang: 'en',
      themeConfig: {
        nav: [
          { text: 'Guide', link: '/guide/getting-started' },
          { text: 'Playground', link: '/playground' },
          { text: 'API', link: '/api/' },
        ],
        sidebar: { '/guide/': guideEn, ...apiSidebar },
      },
    },
    ja: {
      label: '日本語',
      lang: 'ja',
      link: '/ja/',
      title: 'gd',
      description: 'TypeScript の勾配降下法ツールキット（PyTorch と同じ意味論）',
      themeConfig: {
        nav: [
          { text: 'ガイド', link: '/ja/guide/getting-started' },
          { text: 'プレイグラウンド', link: '/ja/playground' },
          { text: 'API（英語）', link: '/api/' },
        ],
        sidebar: { '/ja/guide/': guideJa },
        outline: { label: 'このページの内容' },
        docFooter: { prev: '前へ', next: '次へ' },
      },
    },
  },
  themeConfig: {
    search: { provider: 'local' },
    outline: [2, 3],
  },
  vite: {
    plugins: [resolveFromApp()],
  },
});
