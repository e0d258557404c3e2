import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const contracts = fileURLToPath(new URL('./packages/contracts/src/index.ts', import.meta.url));

/**
 * Lets the bundler drop the NL Design System components the app does not use (issue #10: initial JavaScript
 * ≤ 250 KB gzip). Their packages are one file each in which every component is followed by
 * `Component.displayName = 'Component';`; the bundler counts such a property write as a side effect and so keeps
 * every component of `@utrecht/component-library-react` (≈ 190 KB minified) in the first chunk. The names only
 * label components in the React developer tools. Lines are emptied, not removed, so the source maps stay right.
 */
const utrechtWithoutDisplayNames: Plugin = {
  name: 'nabij:utrecht-without-display-names',
  apply: 'build',
  transform: {
    filter: { id: /[\\/]node_modules[\\/]@utrecht[\\/][^\\/]+-react[\\/]dist[\\/]index\.mjs$/ },
    handler(code) {
      return { code: code.replace(/^[\w$]+\.displayName = '[\w$]+';$/gm, ''), map: null };
    },
  },
};

export default defineConfig({
  root: 'apps/web',
  plugins: [react(), utrechtWithoutDisplayNames],
  resolve: { alias: { '@nabij/contracts': contracts } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' } },
});
