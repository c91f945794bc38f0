import { Select } from 'antd';
import { useYears } from './hooks';
import { yearOptions } from './year-rules';

export interface YearSelectProps {
  /** The year shown; undefined while the page still works out its default (the select shows it is loading). */
  value: number | undefined;
  onChange: (year: number) => void;
}

/** 年度 of a list or settings page: the years with data (GET /api/years) and the one after the newest, plus the year shown. */
export function YearSelect({ value, onChange }: YearSelectProps) {
  const years = useYears();
  return (
    <Select<number>
      aria-label="年度"
      className="year-select"
      value={value}
      loading={value === undefined || years.isPending}
      placeholder="年度"
      options={yearOptions(years.data?.years, new Date().getFullYear(), value).map((year) => ({
        value: year,
        label: `${year} 年度`,
      }))}
      onChange={onChange}
    />
  );
}
