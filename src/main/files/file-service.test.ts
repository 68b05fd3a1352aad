import { describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract/contract.js';
import { errorCode as code } from '../../../test/unit/weir-error-of.js';
import { openCatalog } from '../catalog/catalog.js';
import { WorkspaceService } from '../workspaces/workspace-service.js';
import { AUTOSAVE_COALESCE_MS, FileService } from './file-service.js';

function setup() {
  let now = Date.parse('2026-03-01T08:00:00Z');
  const clock = () => new Date(now);
  const catalog = openCatalog({ file: ':memory:' });
  const workspace = new WorkspaceService(catalog, clock).ensureDefault();
  const events: EventName[] = [];
  const files = new FileService(catalog, clock, (event) => events.push(event));
  return { files, workspace, events, advance: (ms: number) => (now += ms) };
}

describe('file service', () => {
  it('creates, lists, reads, renames and deletes files, announcing each change', () => {
    const { files, workspace, events } = setup();
    const b = files.create(workspace.id, 'b.sql', 'SELECT 2;');
    files.create(workspace.id, 'a.sql', 'SELECT 1;');
    expect(files.list(workspace.id).map((f) => f.name)).toEqual(['a.sql', 'b.sql']);
    expect(files.read(b.id).content).toBe('SELECT 2;');
    files.rename(b.id, 'c.sql');
    expect(files.read(b.id).name).toBe('c.sql');
    files.delete(b.id);
    expect(files.list(workspace.id).map((f) => f.name)).toEqual(['a.sql']);
    expect(code(() => files.read(b.id))).toBe('files.not-found');
    expect(events).toEqual(['files.changed', 'files.changed', 'files.changed', 'files.changed']);
  });

  it('refuses a name already used in the workspace, and frees it on delete', () => {
    const { files, workspace } = setup();
    const a = files.create(workspace.id, 'a.sql', '');
    expect(code(() => files.create(workspace.id, 'a.sql', ''))).toBe('files.name-taken');
    const b = files.create(workspace.id, 'b.sql', '');
    expect(code(() => files.rename(b.id, 'a.sql'))).toBe('files.name-taken');
    files.delete(a.id);
    expect(files.create(workspace.id, 'a.sql', 'again').name).toBe('a.sql');
  });

  it('keeps a version per manual save and skips saves that change nothing', () => {
    const { files, workspace, advance } = setup();
    const f = files.create(workspace.id, 'job.sql', 'v1');
    advance(1000);
    expect(files.save(f.id, 'v2', 'manual').version?.number).toBe(2);
    advance(1000);
    expect(files.save(f.id, 'v2', 'manual').version).toBeNull();
    advance(1000);
    expect(files.save(f.id, 'v3', 'manual').version?.number).toBe(3);
    expect(files.history(f.id).map((v) => [v.number, v.kind])).toEqual([
      [3, 'manual'],
      [2, 'manual'],
      [1, 'manual'],
    ]);
    const first = files.history(f.id).at(-1)!;
    expect(files.version(first.id).content).toBe('v1');
  });

  it('folds autosaves within a minute into one version and starts a new one after', () => {
    const { files, workspace, advance } = setup();
    const f = files.create(workspace.id, 'job.sql', '');
    advance(500);
    const a = files.save(f.id, 'S', 'auto').version!;
    advance(500);
    const b = files.save(f.id, 'SE', 'auto').version!;
    expect(b.id).toBe(a.id);
    expect(files.read(f.id).content).toBe('SE');
    advance(AUTOSAVE_COALESCE_MS + 1);
    const c = files.save(f.id, 'SEL', 'auto').version!;
    expect(c.number).toBe(a.number + 1);
    expect(files.history(f.id)).toHaveLength(3);
  });

  it('never folds an autosave into a manual version', () => {
    const { files, workspace, advance } = setup();
    const f = files.create(workspace.id, 'job.sql', '');
    advance(100);
    const manual = files.save(f.id, 'A', 'manual').version!;
    advance(100);
    const auto = files.save(f.id, 'AB', 'auto').version!;
    expect(auto.number).toBe(manual.number + 1);
    expect(files.version(manual.id).content).toBe('A');
  });

  it('keeps an autosaved version when Ctrl+S follows it, so later autosaves start a new one', () => {
    const { files, workspace, advance } = setup();
    const f = files.create(workspace.id, 'job.sql', '');
    advance(100);
    const auto = files.save(f.id, 'SELECT 1', 'auto').version!;
    advance(100);
    const kept = files.save(f.id, 'SELECT 1', 'manual').version!;
    expect(kept).toMatchObject({ id: auto.id, kind: 'manual' });
    advance(100);
    const next = files.save(f.id, 'SELECT 12', 'auto').version!;
    expect(next.number).toBe(kept.number + 1);
    expect(files.version(kept.id).content).toBe('SELECT 1');
  });

  it('answers unknown ids with typed errors', () => {
    const { files } = setup();
    expect(code(() => files.list(99))).toBe('workspaces.not-found');
    expect(code(() => files.save(99, 'x', 'auto'))).toBe('files.not-found');
    expect(code(() => files.version(99))).toBe('files.version-not-found');
  });
});
