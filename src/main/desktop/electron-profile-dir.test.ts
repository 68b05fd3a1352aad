import { describe, expect, it } from 'vitest';
import { electronProfileDir } from './electron-profile-dir.js';

describe("Electron's profile folder", () => {
  // WEIR_HOME (the catalog, the key file) is %APPDATA%\Weir, ~/Library/Application Support/Weir
  // or ~/.local/share/weir: Electron's default <appData>/Weir is that very folder on Windows and macOS.
  it('on Windows: under %LOCALAPPDATA%, not %APPDATA%\\Weir', () => {
    expect(electronProfileDir('win32', 'C:\\Users\\u\\AppData\\Roaming', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' })).toMatch(
      /^C:\\Users\\u\\AppData\\Local[\\/]Weir[\\/]Electron$/,
    );
  });

  it('on macOS: a folder named by the app id beside, not inside, Application Support/Weir', () => {
    expect(electronProfileDir('darwin', '/Users/u/Library/Application Support', {})).toBe('/Users/u/Library/Application Support/dev.weir.desktop');
  });

  it("on Linux: Electron's default ~/.config/Weir, already apart from ~/.local/share/weir", () => {
    expect(electronProfileDir('linux', '/home/u/.config', {})).toBe('/home/u/.config/Weir');
  });
});
