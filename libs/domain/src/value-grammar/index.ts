export { readTarget } from './read-target';
export { formatTarget } from './format-target';
export { targetDirection, type TargetDirection } from './target-direction';
export { TARGET_ERRORS, TARGET_WARNINGS, type TargetProblem } from './messages';
export { QUALITATIVE_VOCABULARY, isQualitativeWord } from './qualitative-vocabulary';
export { OPERATOR_SYMBOLS } from './operators';
