export {
  parseMoney,
  moneyOrNull,
  amountForRequest,
  MONEY_MAX_INTEGER_DIGITS,
  type MoneyParseResult,
} from './parse-money';
export { formatYuan, toWanYuan } from './format-money';
export { addMoney, subtractMoney, compareMoney } from './money-arithmetic';
export { isPlainDecimal } from './money-decimal';
export { groupMoneyInput, moneyForInput, type MoneyInputState, type MoneyInputDeletion } from './group-money-input';
