import { yieldToMain } from '@/lib/yield-to-main';
import './index.css';

/**
 * Evaluates the app's code in five tasks, each shorter than a frame: React, the libraries the first page needs, the
 * app, the start of the first page's downloads, then its first render, once the catalogue and the first page's code
 * are in. As one module graph it held the main thread for 40–130 ms. index.html's static shell stays on screen
 * meanwhile.
 */
async function start(root: HTMLElement): Promise<void> {
  const [{ StrictMode, startTransition, createElement }, { createRoot }] = await Promise.all([
    import('react'),
    import('react-dom/client'),
  ]);
  await yieldToMain();
  await import('@/app/libraries');
  await yieldToMain();
  const [{ App, startFirstPage }, { applyTheme }] = await Promise.all([
    import('@/app/app'),
    import('@/features/theme/lib/theme'),
  ]);
  applyTheme();
  await yieldToMain();
  await startFirstPage();
  startTransition(() => {
    createRoot(root).render(createElement(StrictMode, null, createElement(App)));
  });
}

/**
 * Replaces index.html's loading skeleton with its `#start-failure` message when the app's code cannot be downloaded
 * (offline before the first visit was saved, or a release replaced the files): a way out, not a skeleton forever.
 */
function showStartFailure(root: HTMLElement): void {
  const failure = document.getElementById('start-failure');
  if (failure instanceof HTMLTemplateElement) (root.querySelector('main') ?? root).replaceChildren(failure.content);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html: error: no #root element to render into');
start(root).catch((error: unknown) => {
  showStartFailure(root);
  throw error;
});
