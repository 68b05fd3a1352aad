/**
 * One identity for `npm start` and installed builds (electron-builder.yml's productName and
 * appId must match; test/unit/packaging.test.ts checks): the same name gives the same macOS
 * keychain entry ("Weir Safe Storage"), single-instance lock and Windows taskbar group.
 */
export const APP_NAME = 'Weir';
export const APP_ID = 'dev.weir.desktop';
