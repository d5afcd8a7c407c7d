// Sets the theme class before the first paint, so index.html's loading screen is already dark for a dark theme.
// The build inlines it into index.html, allowed by its hash in the CSP (scripts/vite/inline-start-scripts.ts). Mirrors
// applyTheme() in src/features/theme/lib/theme.ts (storage key, class and data attribute): keep the two in step.
/* global window, document */
(function () {
  var theme = null;
  try {
    theme = window.localStorage.getItem('frontier-reader:theme');
  } catch {
    // Storage unavailable (private mode, blocked): follow the system.
  }
  if (theme !== 'light' && theme !== 'dark') {
    theme = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  document.documentElement.classList.toggle('dark', theme === 'dark');
  document.documentElement.dataset.theme = theme;
})();
