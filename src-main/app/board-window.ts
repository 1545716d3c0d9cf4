import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { APP_ORIGIN } from './renderer-protocol';

let boardWindow: BrowserWindow | null = null;

/**
 * The waiting-room display in its own window: full screen on a second monitor when one is attached
 * (the TV in the waiting room), else a normal window beside the desk's. Same hardening as the main
 * window (sandboxed, isolated, no Node); the app-wide web-contents guard blocks navigation and popups.
 * It holds its own session over IPC, so the display is signed in once with its own account.
 */
export function openBoardWindow(): BrowserWindow {
  if (boardWindow && !boardWindow.isDestroyed()) {
    boardWindow.focus();
    return boardWindow;
  }
  const primary = screen.getPrimaryDisplay();
  const external = screen.getAllDisplays().find((display) => display.id !== primary.id);
  const window = new BrowserWindow({
    ...(external ? { x: external.bounds.x, y: external.bounds.y, fullscreen: true } : { width: 1280, height: 760 }),
    title: 'شاشة الانتظار',
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#0b3d35',
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
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    boardWindow = null;
  });
  void window.loadURL(`${APP_ORIGIN}/index.html#/board`);
  boardWindow = window;
  return window;
}
