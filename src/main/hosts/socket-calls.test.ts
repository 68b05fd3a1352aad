import { describe, expect, it } from 'vitest';
import { SocketCalls, type CallSocket } from './socket-calls.js';

/** A socket whose client reads only when told to. */
function fakeSocket() {
  const sent: string[] = [];
  const socket = {
    bufferedAmount: 0,
    readyState: 1,
    paused: false,
    closedWith: null as number | null,
    terminated: false,
    send(text: string) {
      sent.push(text);
      this.bufferedAmount += text.length;
    },
    pause() {
      this.paused = true;
    },
    resume() {
      this.paused = false;
    },
    close(code: number) {
      this.closedWith = code;
      this.readyState = 3;
    },
    terminate() {
      this.terminated = true;
      this.readyState = 3;
    },
    read() {
      this.bufferedAmount = 0;
    },
  };
  return { socket: socket satisfies CallSocket, sent };
}

const limits = { maxInFlight: 2, maxQueuedCalls: 5, pauseAboveBytes: 100, closeAboveBytes: 1000 };
const tick = () => new Promise((r) => setTimeout(r, 40));

describe('socket backpressure', () => {
  it('runs a bounded number of calls at a time and stops reading while calls wait', async () => {
    const { socket, sent } = fakeSocket();
    const release: (() => void)[] = [];
    let running = 0;
    let most = 0;
    const calls = new SocketCalls(
      socket,
      (m) =>
        new Promise((resolve) => {
          running++;
          most = Math.max(most, running);
          release.push(() => {
            running--;
            resolve(`re:${m}`);
          });
        }),
      limits,
    );
    for (const m of ['a', 'b', 'c', 'd']) calls.receive(m);
    expect(most).toBe(2);
    expect(socket.paused).toBe(true);
    while (release.length > 0) {
      release.shift()!();
      await tick();
    }
    expect(sent).toEqual(['re:a', 're:b', 're:c', 're:d']);
    socket.read();
    await tick();
    expect(socket.paused).toBe(false);
    calls.dispose();
  });

  it('pauses while replies are unread and answers again once the client reads', async () => {
    const { socket, sent } = fakeSocket();
    const calls = new SocketCalls(socket, async (m) => m.repeat(60), limits);
    calls.receive('a');
    calls.receive('b');
    await tick();
    expect(sent.length).toBe(2);
    calls.receive('c');
    await tick();
    expect(sent.length).toBe(2); // 120 bytes unread: waits
    expect(socket.paused).toBe(true);
    socket.read();
    await tick();
    expect(sent.length).toBe(3);
    socket.read();
    await tick();
    expect(socket.paused).toBe(false);
    calls.dispose();
  });

  it('drops a client whose unread bytes would pass the limit, and one that ignores the pause', async () => {
    const slow = fakeSocket();
    const calls = new SocketCalls(slow.socket, async () => 'x', { ...limits, pauseAboveBytes: 10_000 });
    calls.send('e'.repeat(600));
    calls.send('e'.repeat(600));
    expect(slow.socket.terminated).toBe(true);
    expect(slow.sent.length).toBe(1);

    const pushy = fakeSocket();
    const never = new SocketCalls(pushy.socket, () => new Promise<string>(() => {}), limits);
    for (let i = 0; i < 8; i++) never.receive(String(i));
    expect(pushy.socket.closedWith).toBe(1008);
    never.dispose();
  });

  it('sends one big reply to a client that has read everything', () => {
    const { socket, sent } = fakeSocket();
    const calls = new SocketCalls(socket, async () => 'x', limits);
    calls.send('b'.repeat(5000));
    expect(sent.length).toBe(1);
    expect(socket.terminated).toBe(false);
    calls.dispose();
  });
});
