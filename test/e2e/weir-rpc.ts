import WebSocket from 'ws';
import type { WeirServer } from './weir-server.js';

/** One contract call over the browser host's socket, as a script would make it (setup checks, cleanup). */
export async function rpc<T>(server: WeirServer, method: string, input: unknown): Promise<T> {
  const ws = new WebSocket(`${server.origin.replace('http', 'ws')}/ws?token=${new URL(server.url).searchParams.get('token')}`);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  try {
    return await new Promise<T>((resolve, reject) => {
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { id?: number; ok: boolean; output: T; error?: unknown };
        if (message.id !== 1) return;
        if (message.ok) resolve(message.output);
        else reject(new Error(`${method}: ${JSON.stringify(message.error)}`));
      });
      ws.send(JSON.stringify({ id: 1, method, input }));
    });
  } finally {
    ws.close();
  }
}
