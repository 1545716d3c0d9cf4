import { autoUpdater } from 'electron-updater';
import type { Logger } from '../api/logger';

/**
 * Updates come from head office's generic feed. Off until a feed URL is configured
 * (MAMEN_UPDATE_URL); the head-office issue serves the feed and the setting.
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
