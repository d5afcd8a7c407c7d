import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect } from '@playwright/test';

/** A `vite preview` server a spec starts and stops itself, so it can take the site offline mid-test. */
export interface PreviewServer {
  readonly origin: string;
  /**
   * Serves `dist` and waits until it answers; with `base` (`/frontier/`) under that path only, as `vite preview
   * --base` does: anything outside it is a 404, so a link from the root fails.
   */
  start: (dist: string, options?: { base?: string }) => Promise<void>;
  /** Stops the server and waits until the port refuses connections. */
  stop: () => Promise<void>;
}

/** A preview server on `port`, not yet started. */
export function previewServer(port: number): PreviewServer {
  const origin = `http://localhost:${port}`;
  let server: ChildProcess | null = null;
  return {
    origin,
    async start(dist, { base = '/' } = {}) {
      const vite = path.resolve('node_modules/vite/bin/vite.js');
      const args = [vite, 'preview', '--port', String(port), '--strictPort', '--outDir', dist, '--base', base];
      server = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        try {
          if ((await fetch(`${origin}${base}`)).ok) return;
        } catch {
          // Not listening yet.
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`vite preview did not start on ${origin}`);
    },
    async stop() {
      const running = server;
      server = null;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
      await expect
        .poll(async () =>
          fetch(origin).then(
            () => 'up',
            () => 'down',
          ),
        )
        .toBe('down');
    },
  };
}
