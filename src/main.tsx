import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { applyTheme } from '@/features/theme/lib/theme';
import { yieldToMain } from '@/lib/yield-to-main';
import './index.css';

// The CSP forbids inline scripts, so the theme class is set here, before the first render.
applyTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html: error: no #root element to render into');
// Evaluating the app's code is one long task already; creating the root waits for the next one. index.html's static
// shell stays on screen meanwhile, so a transition costs nothing visible and lets the first render yield.
void yieldToMain().then(() =>
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }),
);
