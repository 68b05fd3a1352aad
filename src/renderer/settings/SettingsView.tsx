import { useTranslation } from 'react-i18next';
import { localeSchema, themeSchema, type Locale, type Theme } from '../../shared/contract/contract.js';
import { useWorkbench } from '../state/store-context.js';

export function SettingsView() {
  const { t } = useTranslation();
  const settings = useWorkbench((s) => s.settings);
  const update = useWorkbench((s) => s.updateSettings);
  // Only the desktop app stops the stack when it quits; `weir serve` leaves it to `weir stack down`.
  const desktop = useWorkbench((s) => s.info?.host === 'desktop');
  return (
    <div className="settings" data-testid="settings">
      <h2>{t('settings.title')}</h2>
      <label>
        <span>{t('settings.language')}</span>
        <select
          data-testid="settings-language"
          value={settings.locale ?? 'auto'}
          onChange={(e) => void update({ locale: e.target.value === 'auto' ? null : (e.target.value as Locale) })}
        >
          <option value="auto">{t('settings.languageAuto')}</option>
          {localeSchema.options.map((l) => (
            <option key={l} value={l}>
              {t(`settings.languages.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('settings.theme')}</span>
        <select data-testid="settings-theme" value={settings.theme} onChange={(e) => void update({ theme: e.target.value as Theme })}>
          {themeSchema.options.map((th) => (
            <option key={th} value={th}>
              {t(`settings.themes.${th}`)}
            </option>
          ))}
        </select>
      </label>
      {desktop && (
        <label className="settings-check" title={t('settings.keepStackOnQuitHint')}>
          <input
            type="checkbox"
            data-testid="settings-keep-stack"
            checked={settings.keepStackOnQuit}
            onChange={(e) => void update({ keepStackOnQuit: e.target.checked })}
          />
          <span>{t('settings.keepStackOnQuit')}</span>
        </label>
      )}
    </div>
  );
}
