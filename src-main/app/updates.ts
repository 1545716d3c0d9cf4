import { autoUpdater } from 'electron-updater';
import type { Logger } from '../api/logger';

/**
 * Updates come from head office's generic feed (latest.yml and installers under `<server>/updates/`,
 * see sync/update-feed.ts), or from MAMEN_UPDATE_URL. Off until the desk is enrolled or a feed is set.
 */
export function startUpdater(logger: Logger, feedUrl: string | undefined): void {
  if (!feedUrl) {
    logger.info('updates are off: no feed URL is configured');
    return;
  }
  autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
  autoUpdater.autoDownload = true;
  autoUpdater.on('error', (error) => logger.warn({ err: error.message }, 'update check failed'));
  void autoUpdater.checkForUpdatesAndNotify();
}
