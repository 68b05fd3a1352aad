import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/**
 * The only thing the sandboxed page gets: call a contract method, hear contract events.
 * No ipcRenderer, no Node; the main side validates every input anyway.
 */
contextBridge.exposeInMainWorld('weirBridge', {
  call: (method: string, input: unknown) => ipcRenderer.invoke('weir:call', method, input),
  subscribe: (listener: (event: string, payload: unknown) => void) => {
    const wrapped = (_: IpcRendererEvent, event: string, payload: unknown) => listener(event, payload);
    ipcRenderer.on('weir:event', wrapped);
    return () => ipcRenderer.removeListener('weir:event', wrapped);
  },
});
