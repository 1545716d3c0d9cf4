import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';

type WindowState = { bounds: Rectangle; maximized: boolean };
const DEFAULT_STATE: WindowState = { bounds: { x: 0, y: 0, width: 1280, height: 820 }, maximized: false };

function isState(value: unknown): value is WindowState {
  const v = value as WindowState;
  return typeof v === 'object' && v !== null && typeof v.bounds?.width === 'number' && typeof v.maximized === 'boolean';
}

/** The main window reopens where the receptionist left it. */
export function loadWindowState(dataDir: string): WindowState {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8'));
    return isState(parsed) ? parsed : DEFAULT_STATE;
  } catch {
    return DEFAULT_STATE;
  }
}

export function rememberWindowState(window: BrowserWindow, dataDir: string): void {
  const save = () => {
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileSync(join(dataDir, 'window-state.json'), JSON.stringify(state));
    } catch {
      // Losing the window position is harmless; the app must still close.
    }
  };
  window.on('close', save);
}
