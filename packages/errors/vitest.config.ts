import { defineConfig } from 'vitest/config';
import { gdVitest } from '../../vitest.shared.ts';

export default defineConfig(gdVitest(import.meta.dirname));
