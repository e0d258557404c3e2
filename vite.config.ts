import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy next to every text file of the build, once at build time at the
 * highest level, so the server sends them without compressing per request (issue #18 item 4; @fastify/static's
 * `preCompressed`). Small files and files that do not shrink are left alone.
 */
const precompress: Plugin = {
  name: 'nabij:precompress',
  apply: 'build',
  closeBundle() {
    const outDir = path.resolve(this.environment.config.root, this.environment.config.build.outDir);
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const file = path.join(dir, name);
        return statSync(file).isDirectory() ? walk(file) : [file];
      });
    for (const file of walk(outDir)) {
      if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue;
      const content = readFileSync(file);
      if (content.length < 1024) continue;
      const br = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      const gz = gzipSync(content, { level: 9 });
      if (br.length < content.length) writeFileSync(`${file}.br`, br);
      if (gz.length < content.length) writeFileSync(`${file}.gz`, gz);
    }
  },
};

export default defineConfig({
  root: 'apps/web',
  plugins: [react(), utrechtWithoutDisplayNames, precompress],
  resolve: { alias: { '@nabij/contracts': contracts } },
  // Source maps are written for whoever debugs a build, but not referenced from the files, and the server never
  // sends them (issue #18 item 4: no public source maps).
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: 'hidden' },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' } },
});
