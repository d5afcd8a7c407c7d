import type { HtmlTagDescriptor, IndexHtmlTransformContext, Plugin } from 'vite';

/**
 * A build-only plugin that adds `tags` to index.html once the bundle is written, so they can name its files; `base` is
 * the site's base path. Dev serves modules from source, where there are no such files.
 */
export function htmlTags(
  name: string,
  tags: (context: IndexHtmlTransformContext, base: string) => HtmlTagDescriptor[],
): Plugin {
  let base = '/';
  return {
    name,
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: { order: 'post', handler: (_html, context) => tags(context, base) },
  };
}
