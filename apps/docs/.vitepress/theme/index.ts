import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import { defineAsyncComponent } from 'vue';
// Japanese text even where the system has no CJK font; subsets load only for characters shown.
import '@fontsource/noto-sans-jp/400.css';
import './custom.css';

// The demos run gd in the browser: pages wrap them in <ClientOnly>, and each is loaded only
// when a page shows it.
export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component(
      'Playground',
      defineAsyncComponent(() => import('../../src/playground/Playground.vue')),
    );
    app.component(
      'ScheduleExplorer',
      defineAsyncComponent(() => import('../../src/playground/ScheduleExplorer.vue')),
    );
    app.component(
      'MlpTrainer',
      defineAsyncComponent(() => import('../../src/playground/MlpTrainer.vue')),
    );
  },
} satisfies Theme;
