import config from 'virtual:carnet/config';
import { createTranslator } from '../i18n/index.ts';

/** The theme's UI strings in the site's locale: `t('pagination.older')`. */
export const t = createTranslator(config.locale);
