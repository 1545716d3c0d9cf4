import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, app, shell } from 'electron';
import type { Logger } from '../api/logger';
import { registerSystemPrinter } from '../services/forms-printing';

/**
 * Printing a stored form from the desktop app: the exact bytes go to a private temporary file,
 * which Chromium's own PDF viewer opens in a window of ours, and the system print dialog is shown
 * for it. Where the viewer cannot load (no PDF plug-in in this build) the operating system's viewer
 * opens the file instead. The renderer never touches the file system.
 */
async function printInViewer(pdf: Buffer, title: string, logger: Logger): Promise<void> {
  const dir = await mkdtemp(join(app.getPath('temp'), 'mamen-print-'));
  const file = join(dir, 'form.pdf');
  await writeFile(file, pdf, { mode: 0o600 });
  const window = new BrowserWindow({
    width: 900,
    height: 1100,
    title,
    autoHideMenuBar: true,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true, disableBlinkFeatures: 'Auxclick' },
  });
  window.on('closed', () => void rm(dir, { recursive: true, force: true }));
  try {
    await window.loadURL(pathToFileURL(file).href);
    window.webContents.print({ silent: false, printBackground: true }, (printed, reason) => {
      if (!printed && reason !== 'cancelled') logger.warn({ reason }, 'form print failed');
    });
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'PDF viewer unavailable; opening the system viewer');
    window.destroy();
    const failure = await shell.openPath(file);
    if (failure) logger.error({ failure }, 'no viewer could open the form');
  }
}

export function installFormPrinting(logger: Logger): void {
  registerSystemPrinter((pdf, title) => printInViewer(pdf, title, logger));
}
