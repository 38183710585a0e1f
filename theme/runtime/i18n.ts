import config from 'virtual:carnet/config';
import { createTranslator, type UIStrings } from '../i18n/index.ts';

/** The theme's UI strings in the site's locale, with the site's `strings` option on top: `t('pagination.older')`. */
export const t = createTranslator(config.locale, config.strings as Partial<UIStrings>);
