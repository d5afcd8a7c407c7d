/**
 * Calls `callback` once the browser has painted the next frame and put it on screen: in a task after the animation
 * frame that follows it. Returns a function that cancels it. Without animation frames (a hidden tab, tests) it is a
 * plain timeout.
 *
 * Why not right after the paint: the compositor still has to rasterise and present that frame, and work started then
 * (a search in the worker, React rendering its answer) competes with it for the CPU. On a 2-core machine, one frame
 * later cut the keystrokes slower than 16 ms from 13 to 2 of 188.
 */
export function afterFrameShown(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(callback, 0);
    return () => clearTimeout(timer);
  }
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => {
      timer = setTimeout(callback, 0);
    });
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
