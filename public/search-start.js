// Starts the search worker while the app's own code is still downloading, when the first page is the search page, so
// the worker fetches the query's index chunks and entry files alongside it; and starts downloading the search page's
// code, which the app would otherwise ask for only once its own code has run. The build inlines it into index.html,
// allowed by its hash in the CSP (scripts/vite/inline-start-scripts.ts), and names the worker in a meta tag
// (scripts/vite/search-early-start.ts); without one (dev) it does nothing. Mirrors prewarmSearchWorker() in
// src/features/search/lib/search-worker-start.ts, which adopts the worker.
/* global window, document, Worker */
(function () {
  var meta = document.querySelector('meta[name="frontier-reader:search-worker"]');
  if (!meta || typeof Worker === 'undefined') return;
  var page = meta.getAttribute('data-page');
  if (window.location.pathname !== page && window.location.pathname !== page + '/') return;
  var preload = function (href) {
    var link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    document.head.appendChild(link);
  };
  // The worker's first request, started now rather than once the worker's own code has downloaded; null if it fails.
  var shardsMeta = fetch(meta.getAttribute('data-shards-meta'))
    .then(function (response) {
      return response.ok ? response.arrayBuffer() : null;
    })
    .then(null, function () {
      return null;
    });
  // In a task of its own: creating a worker takes the main thread 10–20 ms, which would lengthen the parser's task.
  setTimeout(start, 0);
  function start() {
    var worker;
    try {
      // The query rides in the worker's name, which the worker reads as it starts, before any message could arrive
      // (the URL's fragment would be lost when the service worker answers from its cache). `+shards-meta`: the page
      // sends the meta file, which the worker then waits for.
      worker = new Worker(meta.getAttribute('content'), {
        type: 'module',
        name: 'search+shards-meta?' + window.location.search.slice(1),
      });
    } catch {
      // The app starts its own worker, or searches on the main thread.
      return;
    }
    shardsMeta.then(function (body) {
      worker.postMessage({ type: 'shards-meta', body: body }, body ? [body] : []);
    });
    var early = { worker: worker, said: [], failed: false, detach: function () {} };
    var keep = function (event) {
      early.said.push(event.data);
    };
    var fail = function () {
      early.failed = true;
    };
    worker.addEventListener('message', keep);
    worker.addEventListener('error', fail);
    early.detach = function () {
      worker.removeEventListener('message', keep);
      worker.removeEventListener('error', fail);
    };
    window.__frontierReaderSearchWorker = early;
    // After the worker, so its script is not queued behind the page's code on the same connections.
    (meta.getAttribute('data-page-modules') || '').split(' ').forEach(function (file) {
      if (file) preload(file);
    });
  }
})();
