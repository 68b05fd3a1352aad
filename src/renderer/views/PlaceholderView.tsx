import { useTranslation } from 'react-i18next';
import type { ViewId } from '../state/workbench-store.js';

/** Views whose features arrive in later releases say what they will hold. */
export function PlaceholderView({ view }: { view: ViewId }) {
  const { t } = useTranslation();
  return (
    <div className="placeholder">
      <p>{t(`views.${view}.empty`)}</p>
    </div>
  );
}
