import { describe, expect, it } from 'vitest';
import { loginShellEnv, type ShellProbe } from './login-shell-env.js';

function probe(outputs: Record<string, string | null>, existing: string[] = []): ShellProbe & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    run: (command, args) => {
      asked.push([command, ...args].join(' '));
      return outputs[command] ?? null;
    },
    exists: (path) => existing.includes(path),
  };
}

describe("the login shell's PATH for an app opened from the Finder", () => {
  it("adds the login shell's folders and the Homebrew ones that exist, and JAVA_HOME from java_home", () => {
    const p = probe(
      { '/bin/zsh': 'Last login: today\n__WEIR_PATH__/Users/u/.sdkman/bin:/usr/bin__WEIR_PATH__\n', '/usr/libexec/java_home': '/Library/Java/JavaVirtualMachines/jdk-17/Contents/Home\n' },
      ['/opt/homebrew/bin', '/opt/homebrew/opt/postgresql@16/bin', '/Library/Java/JavaVirtualMachines/jdk-17/Contents/Home'],
    );
    const patch = loginShellEnv('darwin', { PATH: '/usr/bin:/bin:/usr/sbin:/sbin', SHELL: '/bin/zsh' }, p);
    expect(patch.PATH).toBe('/usr/bin:/bin:/usr/sbin:/sbin:/Users/u/.sdkman/bin:/opt/homebrew/bin:/opt/homebrew/opt/postgresql@16/bin');
    expect(patch.JAVA_HOME).toBe('/Library/Java/JavaVirtualMachines/jdk-17/Contents/Home');
    expect(p.asked[0]).toMatch(/^\/bin\/zsh -ilc /);
  });

  it('keeps a JAVA_HOME the user set, and survives a shell that hangs or fails', () => {
    const p = probe({}, ['/usr/local/bin']);
    const patch = loginShellEnv('darwin', { PATH: '/usr/bin', JAVA_HOME: '/jdk' }, p);
    expect(patch.PATH).toBe('/usr/bin:/usr/local/bin');
    expect(patch.JAVA_HOME).toBeUndefined();
  });

  it('changes nothing on Linux and Windows, where launchers pass the user environment', () => {
    const p = probe({ '/bin/zsh': '__WEIR_PATH__/x__WEIR_PATH__' });
    expect(loginShellEnv('linux', { PATH: '/usr/bin' }, p)).toEqual({});
    expect(loginShellEnv('win32', { PATH: 'C:\\Windows' }, p)).toEqual({});
    expect(p.asked).toEqual([]);
  });
});
