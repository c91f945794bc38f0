export { toHalfWidth, removeWhitespace, isBlank } from './normalize-width';
export { replaceYear, type YearReplacement } from './replace-year';
export { chinaDateParts } from './china-date';
