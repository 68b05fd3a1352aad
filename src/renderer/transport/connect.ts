import { createClient, type WeirClient } from '../../shared/contract/client.js';
import { desktopTransport } from './desktop-bridge.js';
import { wsTransport } from './ws-transport.js';

/** Picks the transport: the desktop preload's bridge when present, else the browser host's socket. */
export function connect(onState: (connected: boolean) => void): WeirClient {
  if (window.weirBridge) {
    onState(true);
    return createClient(desktopTransport(window.weirBridge));
  }
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return createClient(wsTransport(`${scheme}//${location.host}/ws`, onState));
}
