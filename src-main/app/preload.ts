import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, type MamenBridge } from '../../src-shared/contract/bridge';

/** The renderer's only door to the main process: one function, one channel, no Electron objects leaked. */
const bridge = {
  call: (method: string, input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, { method, input }),
} satisfies MamenBridge;

contextBridge.exposeInMainWorld('mamen', bridge);
