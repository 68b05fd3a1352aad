import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOn, openSocket, rssMb } from './weir-socket.js';
import { startWeir, type WeirServer } from './weir-server.js';

/**
 * A client that asks for large files and stops reading must not grow the real `weir serve`
 * without bound, nor starve other sockets: the server stops reading that socket (or drops it).
 */
const FILE_MB = 2;
const READS = 100;

let weir: WeirServer;

beforeAll(async () => {
  weir = await startWeir();
});

afterAll(async () => {
  await weir?.stop();
});

describe('a slow reader', () => {
  it('holds the server to bounded memory and does not starve other sockets', async () => {
    const setup = await openSocket(weir.url);
    const workspaces = (await callOn(setup, 1, 'workspaces.list', {})).output as { id: number }[];
    const content = '-- big\n' + 'SELECT 1;\n'.repeat((FILE_MB * 1024 * 1024) / 10);
    const created = await callOn(setup, 2, 'files.create', { workspaceId: workspaces[0]!.id, name: 'big.sql', content });
    const fileId = (created.output as { id: number }).id;
    // Warm up: one read, so the baseline includes what a single answer costs.
    expect(await callOn(setup, 3, 'files.read', { id: fileId })).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 500));
    const pid = weir.process.pid!;
    const baseline = rssMb(pid);

    const slow = await openSocket(weir.url);
    slow.pause(); // stops reading: what the server sends piles up unless it holds back
    let answered = 0;
    slow.on('message', () => answered++);
    let closedByServer = false;
    slow.on('close', () => (closedByServer = true));
    for (let i = 0; i < READS; i++) slow.send(JSON.stringify({ id: 100 + i, method: 'files.read', input: { id: fileId } }));

    let peak = baseline;
    const latencies: number[] = [];
    const other = await openSocket(weir.url);
    const until = Date.now() + 4000;
    for (let id = 10; Date.now() < until; id++) {
      const started = Date.now();
      expect(await callOn(other, id, 'settings.get', {}, 5000)).toMatchObject({ ok: true });
      latencies.push(Date.now() - started);
      peak = Math.max(peak, rssMb(pid));
      await new Promise((r) => setTimeout(r, 100));
    }
    const grown = peak - baseline;
    process.stdout.write(
      `slow reader: ${READS} x ${FILE_MB} MB asked, server rss ${baseline.toFixed(0)} -> peak ${peak.toFixed(0)} MB (+${grown.toFixed(0)}), ` +
        `other socket max ${Math.max(...latencies)} ms, dropped ${closedByServer}\n`,
    );
    expect(grown).toBeLessThan(120);
    expect(Math.max(...latencies)).toBeLessThan(2000);

    // Reading again, a slow (not hostile) client gets every answer it asked for.
    slow.resume();
    const deadline = Date.now() + 60_000;
    while (!closedByServer && answered < READS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(closedByServer || answered === READS).toBe(true);
    expect(weir.process.exitCode).toBeNull();
    for (const ws of [setup, slow, other]) ws.close();
  });
});
