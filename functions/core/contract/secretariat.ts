// Who signs the cards and reminders, and how agencies reach them (docs/workbook.md#settings: `secretariat`, `contact`).
import { normalizeDisplay } from '../language/normalize.ts';
import type { Settings } from './model.ts';

/** The signature of the secretariat: the `secretariat` setting, else «دبیرخانه شورای اطلاع‌رسانی استان {province}». */
export function secretariatName(settings: Pick<Settings, 'secretariat' | 'province'>): string {
  if (settings.secretariat !== null) return normalizeDisplay(settings.secretariat);
  const province = normalizeDisplay(settings.province).replace(/^استان\s+/, '');
  return `دبیرخانه شورای اطلاع‌رسانی استان ${province}`;
}

/** The `contact` setting as shown, or null when it is not set. */
export function secretariatContact(settings: Pick<Settings, 'contact'>): string | null {
  return settings.contact === null ? null : normalizeDisplay(settings.contact);
}
