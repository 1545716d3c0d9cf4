import { net } from 'electron';

/**
 * Electron's view of the network, checked every `everyMs`: when it comes back after being gone,
 * `onBack` runs (the sync scheduler's nudge), so a desk syncs as soon as the line returns rather
 * than when its backoff ends. The window's own online event does the same through sync.nudge.
 */
export function watchConnectivity(onBack: () => void, everyMs = 15_000): () => void {
  let online = net.isOnline();
  const timer = setInterval(() => {
    const now = net.isOnline();
    if (now && !online) onBack();
    online = now;
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
