import { parseArgs } from 'node:util';
import type { i18n } from 'i18next';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { AppPaths } from '../app/app-paths.js';
import { createStackParts } from '../stack/parts.js';
import { stackPaths, stackPorts } from '../stack/stack-config.js';
import { stackDown, stackStatus, stackUp } from '../stack/stack.js';
import { writeOut } from './terminal-text.js';

/** `weir stack up|down|status [PART...] [--json]`: the real local stack for tests and the app. */
export async function stackCommand(args: string[], app: AppPaths, t: i18n): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const [action, ...only] = positionals;
  const paths = stackPaths(app.resourcesDir);
  const parts = createStackParts(paths, stackPorts());
  const say = (line: string) => {
    if (!values.json) writeOut(line + '\n');
  };
  switch (action) {
    case 'up': {
      const report = await stackUp(paths, parts, say, only).catch((error: unknown) => {
        if (error instanceof WeirError) throw error;
        // The tool's own lines stay as they are; the sentence around them is Weir's, translated.
        const lines = (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 12);
        throw new WeirError('stack.up-failed', { logs: paths.logs }, { details: lines, cause: error });
      });
      if (values.json) process.stdout.write(JSON.stringify({ ...report, home: paths.home }) + '\n');
      else say(t.t('cli.stack.up', { seconds: (report.millis / 1000).toFixed(1), logs: paths.logs }));
      return report.parts.every((p) => p.healthy) ? 0 : 1;
    }
    case 'down':
      await stackDown(parts, say, only);
      return 0;
    case 'status': {
      const statuses = await stackStatus(parts);
      if (values.json) {
        process.stdout.write(JSON.stringify({ parts: statuses, home: paths.home }) + '\n');
      } else {
        for (const s of statuses) {
          const state = s.healthy ? t.t('cli.stack.healthy') : s.running ? t.t('cli.stack.unhealthy') : t.t('cli.stack.stopped');
          say(`${s.name.padEnd(20)} ${String(s.port).padEnd(6)} ${state}${s.detail ? `  ${s.detail}` : ''}`);
        }
      }
      return statuses.every((s) => s.healthy) ? 0 : 1;
    }
    default:
      throw new WeirError('cli.bad-option', { option: 'weir stack', value: action ?? '' });
  }
}
