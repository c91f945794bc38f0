/**
 * 延续 (docs/domain.md §5.1): a goal carried from last year's approved revision still speaks of last year
 * ("2021年完成…"). The editor offers to move those years on; this finds and replaces them.
 *
 * A year counts where it stands as a year: the digits alone (not inside a longer number such as 120210 or an
 * amount) and followed by 年 (年/年度, spaces allowed). A year that opens a range ("2021年-2023年", "2021至2023年")
 * or closes ("2019年-2021年") is left alone: a project's period does not move with the form's year.
 */
export interface YearReplacement {
  text: string;
  /** How many years were replaced: 0 means nothing to offer. */
  count: number;
}

const RANGE_SIGNS = '-－—–~～至到';
// A range is two years joined by a sign: "到2021年末" (by the end of 2021) is no range, "2019年到2021年" is.
const RANGE_AFTER = String.raw`(?!\s*年?度?\s*[${RANGE_SIGNS}]\s*[0-9]{4})`;
const RANGE_BEFORE = String.raw`(?<![0-9]{4}\s*年?度?\s*[${RANGE_SIGNS}]\s*)`;

function yearPattern(year: number): RegExp {
  return new RegExp(String.raw`${RANGE_BEFORE}(?<![0-9０-９.])${year}(?=\s*年)${RANGE_AFTER}`, 'g');
}

export function replaceYear(text: string, from: number, to: number): YearReplacement {
  let count = 0;
  const replaced = text.replace(yearPattern(from), () => {
    count += 1;
    return String(to);
  });
  return { text: replaced, count };
}
