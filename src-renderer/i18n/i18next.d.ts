import 'i18next';
import type { Translation } from './ar';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Translation };
  }
}
