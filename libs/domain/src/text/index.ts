export { toHalfWidth, removeWhitespace, isBlank } from './normalize-width';
export { replaceYear, type YearReplacement } from './replace-year';
