import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { FEED_PATHS } from '../lib/feeds';

/**
 * Warns when the feeds (written by `npm run build:data` from SITE_URL) link under another path than the app is built
 * for (BASE_PATH): feed readers and the OpenSearch template would then open pages that do not exist.
 */
export function siteUrlCheck(): Plugin {
  return {
    name: 'frontier-reader:site-url-check',
    apply: 'build',
    configResolved(config) {
      const file = path.join(config.publicDir, FEED_PATHS.json);
      let site: string;
      try {
        site = (JSON.parse(readFileSync(file, 'utf8')) as { home_page_url: string }).home_page_url;
        if (new URL(site).pathname === config.base) return;
      } catch {
        // No feeds yet (or not readable): there is nothing to compare, and build:data reports its own errors.
        return;
      }
      config.logger.warn(
        `${path.relative(config.root, file)}: warning: the feeds link under ${site}, but the app is built for ${config.base}; ` +
          `set SITE_URL to the address ending in ${config.base} and run \`npm run build:data\` again`,
      );
    },
  };
}
