/**
 * Calls `callback` once the browser has painted the next frame (a task after the next animation frame), so work it
 * starts cannot delay that frame; returns a function that cancels it. Without animation frames (a hidden tab, tests)
 * it is a plain timeout.
 */
export function afterNextPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(callback, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
