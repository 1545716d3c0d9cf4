import { join } from 'node:path';
import { BrowserWindow, app, dialog, ipcMain, session, type WebContents } from 'electron';
import { IPC_CHANNEL } from '../../src-shared/contract/bridge';
import { createLogger } from '../api/logger';
import { defaultDataDir, storePathIn } from '../api/paths';
import { openRuntime, type Runtime } from '../api/runtime';
import { storeKeyFromKeychain } from './keychain-store-key';
import { apiError } from '../api/error-mapping';
import { createIpcTransport } from '../api/transports/ipc';
import { StoreKeyError, StoreTooNewError } from '../store/store-errors';
import { installArabicMenu } from './app-menu';
import { installFormPrinting } from './printing';
import { openBoardWindow } from './board-window';
import { APP_VERSION } from './app-version';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './renderer-protocol';
import { startUpdater } from './updates';
import { watchConnectivity } from './reconnect';
import { existingScheduler } from '../sync/scheduler';
import { updateFeedUrl } from '../sync/update-feed';
import { loadWindowState, rememberWindowState } from './window-state';

const dataDir = defaultDataDir();
app.setPath('userData', dataDir);
const logger = createLogger({ destination: join(dataDir, 'logs', 'main.log') });
registerAppScheme();

let mainWindow: BrowserWindow | null = null;

/** Hardening for every web contents: no navigation away, no new windows, no webviews. */
function harden(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function createMainWindow(): BrowserWindow {
  const state = loadWindowState(dataDir);
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: 1024,
    minHeight: 680,
    title: 'مأمن',
    show: false,
    backgroundColor: '#f5f7fa',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A middle click must not open a link in a new window (window.open is denied too).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) window.maximize();
  rememberWindowState(window, dataDir);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

function registerIpc(runtime: Runtime): void {
  const transport = createIpcTransport(runtime.router);
  ipcMain.handle(IPC_CHANNEL, (event, payload: unknown) => {
    // Only our own page's main frame may call: not an iframe, not a page that got navigated elsewhere.
    const frame = event.senderFrame;
    if (!frame || frame !== event.sender.mainFrame || !frame.url.startsWith(`${APP_ORIGIN}/`)) {
      logger.warn({ url: frame?.url.split('?')[0] }, 'refused IPC from an unexpected frame');
      return { ok: false, error: apiError('FORBIDDEN', 'error.forbidden') };
    }
    return transport.handle(event.sender.id, payload);
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.once('destroyed', () => transport.forget(contents.id));
  });
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => harden(contents));
  await app.whenReady();

  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  installArabicMenu({ openBoard: () => void openBoardWindow() });

  let runtime: Runtime;
  try {
    const storePath = storePathIn(dataDir);
    runtime = await openRuntime({ storePath, storeKey: storeKeyFromKeychain(dataDir, storePath), appVersion: APP_VERSION, logger, backgroundJobs: true, recoverDamagedStore: true });
  } catch (error) {
    const tooNew = error instanceof StoreTooNewError;
    logger.error({ err: error instanceof Error ? error.message : String(error) }, 'store could not be opened');
    dialog.showErrorBox(
      'تعذّر فتح قاعدة البيانات',
      error instanceof StoreKeyError
        ? `${error.ar}\n\n${error.en}`
        : tooNew
          ? 'قاعدة البيانات أُنشئت بإصدار أحدث من هذا البرنامج. حدّث البرنامج ثم أعد المحاولة. لم يتغيّر شيء في البيانات.'
          : `حدث خطأ أثناء فتح قاعدة البيانات. لم يتغيّر شيء في البيانات.\n${error instanceof Error ? error.message : ''}`,
    );
    app.exit(1);
    return;
  }
  serveRenderer(join(__dirname, '..', 'renderer'));
  registerIpc(runtime);
  installFormPrinting(logger);
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  // Enrolled desks update from their own head office (its /updates/ feed) unless a feed is configured.
  startUpdater(logger, await updateFeedUrl(runtime.store.db, process.env.MAMEN_UPDATE_URL));
  watchConnectivity(() => void existingScheduler(runtime.store.path)?.nudge());

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void runtime.close());
}

void start();
