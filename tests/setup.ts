import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Lazy route chunks load through the module graph; on a busy 2-core machine that can take over a second.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  // Build-script tests run in the node environment, which has no storage.
  if (typeof localStorage !== 'undefined') localStorage.clear();
});
