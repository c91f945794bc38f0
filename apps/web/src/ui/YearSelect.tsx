import { Select } from 'antd';
import { yearOptions } from '../modules/projects/list-params';

export interface YearSelectProps {
  /** The year shown; undefined while the page still works out its default (the select shows it is loading). */
  value: number | undefined;
  onChange: (year: number) => void;
}

/** 年度 of a list or settings page: next year down to ten years back, plus the year shown. */
export function YearSelect({ value, onChange }: YearSelectProps) {
  const thisYear = new Date().getFullYear();
  return (
    <Select<number>
      aria-label="年度"
      className="year-select"
      value={value}
      loading={value === undefined}
      placeholder="年度"
      options={yearOptions(thisYear, value).map((year) => ({ value: year, label: `${year} 年度` }))}
      onChange={onChange}
    />
  );
}
