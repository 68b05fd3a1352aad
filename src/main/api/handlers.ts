import type { CallName, CallOutput, ParsedInput } from '../../shared/contract/contract.js';
import type { Services } from '../app/services.js';

/** One handler per contract call; inputs arrive already validated by the dispatcher. */
export type Handlers = {
  [K in CallName]: (input: ParsedInput<K>) => CallOutput<K> | Promise<CallOutput<K>>;
};

export function createHandlers(s: Services): Handlers {
  return {
    'app.info': () => s.info(),
    'workspaces.list': () => s.workspaces.list(),
    'files.list': ({ workspaceId }) => s.files.list(workspaceId),
    'files.create': ({ workspaceId, name, content }) => s.files.create(workspaceId, name, content),
    'files.read': ({ id }) => s.files.read(id),
    'files.save': ({ id, content, kind }) => s.files.save(id, content, kind),
    'files.rename': ({ id, name }) => s.files.rename(id, name),
    'files.delete': ({ id }) => s.files.delete(id),
    'files.history': ({ id }) => s.files.history(id),
    'files.version': ({ versionId }) => s.files.version(versionId),
    'settings.get': () => s.settings.get(),
    'settings.update': (patch) => s.settings.update(patch),
    'stack.status': () => s.stack.status(),
    'stack.up': () => s.stack.up(),
  };
}
