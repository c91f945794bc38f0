export { toHalfWidth, removeWhitespace, isBlank } from './normalize-width';
