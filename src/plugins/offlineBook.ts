/**
 * The book, readable offline after one visit. Takes the production build;
 * gives build/sw.js, the service worker (src/offline/serviceWorker.ts)
 * compiled with the site's own bundler and loader, holding the manifest of
 * the build's files and their revisions (src/offline/precacheManifest.ts),
 * and a client module that registers it once a page has loaded
 * (src/offline/registerServiceWorker.ts).
 *
 * Why not @docusaurus/plugin-pwa (measured on this book, same build): its
 * registration runs while the page loads and fetches workbox-window first (one
 * more request, 3.3 KiB more gzipped JavaScript on every first visit, against
 * 0.7 KiB here); its activation strategies can turn offline mode on with
 * Save-Data but not off; its worker looks a page up as `page` or
 * `page/index.html`, while this site (trailingSlash: false) builds `page.html`,
 * so chapters would not open offline; and its sw.js is 24 KiB against 8 KiB
 * here, manifest included.
 *
 * Only in production builds: `npm start` serves no sw.js.
 */
import path from 'node:path';

import {compile, createJsLoaderFactory, getMinimizers} from '@docusaurus/bundler';
import type {Plugin} from '@docusaurus/types';

import {precacheManifest} from '../offline/precacheManifest';

export const OFFLINE_BOOK_PLUGIN = 'offline-book';
const SERVICE_WORKER_SOURCE = path.join(__dirname, '../offline/serviceWorker.ts');
const REGISTRATION = path.join(__dirname, '../offline/registerServiceWorker.ts');

export default function offlineBookPlugin(): Plugin | null {
  if (process.env.NODE_ENV !== 'production') {
    return null;
  }
  return {
    name: OFFLINE_BOOK_PLUGIN,
    getClientModules() {
      return [REGISTRATION];
    },
    async postBuild({outDir, siteConfig, currentBundler}) {
      const manifest = precacheManifest(outDir);
      const getJSLoader = await createJsLoaderFactory({siteConfig});
      await compile({
        currentBundler,
        configs: [
          {
            name: 'offline-book-service-worker',
            target: 'webworker',
            mode: 'production',
            devtool: false,
            entry: SERVICE_WORKER_SOURCE,
            output: {path: outDir, filename: 'sw.js'},
            resolve: {extensions: ['.ts', '.js']},
            module: {rules: [{test: /\.ts$/, exclude: /node_modules/, use: [getJSLoader({isServer: false})]}]},
            optimization: {
              splitChunks: false,
              minimize: true,
              minimizer: await getMinimizers({faster: siteConfig.future.faster, currentBundler}),
            },
            plugins: [new currentBundler.instance.DefinePlugin({__BOOK_PRECACHE__: JSON.stringify(manifest)})],
          },
        ],
      });
      const mebibytes = (manifest.bytes / (1024 * 1024)).toFixed(1);
      console.log(
        `[${OFFLINE_BOOK_PLUGIN}] sw.js saves ${manifest.entries.length} files (${mebibytes} MiB before compression) for offline reading; build ${manifest.version}`,
      );
    },
  };
}
