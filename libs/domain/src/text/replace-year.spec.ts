import { replaceYear } from './replace-year';

describe('replaceYear (a carried goal’s years moved on)', () => {
  it('replaces every year followed by 年 or 年度 and counts them', () => {
    expect(replaceYear('2021年完成12个社区接入；2021 年度培训4次。', 2021, 2022)).toEqual({
      text: '2022年完成12个社区接入；2022 年度培训4次。',
      count: 2,
    });
  });

  it('replaces a year after 到 or 至 when no year stands before it: "到2021年末" is by the end of 2021', () => {
    expect(replaceYear('到2021年末完成维保；至2021年底培训4次。', 2021, 2022)).toEqual({
      text: '到2022年末完成维保；至2022年底培训4次。',
      count: 2,
    });
  });

  it('leaves numbers that are not that year: longer numbers, amounts, a year without 年', () => {
    const text = '服务120210人次，资金2021.50万元，编号2021-0003，2020年基础上提升。';
    expect(replaceYear(text, 2021, 2022)).toEqual({ text, count: 0 });
  });

  it('leaves the years that open or close a range: the project’s period does not move with the form', () => {
    expect(replaceYear('2021年-2023年建成平台，2019年至2021年运维，2021年内启动。', 2021, 2022)).toEqual({
      text: '2021年-2023年建成平台，2019年至2021年运维，2022年内启动。',
      count: 1,
    });
  });

  it('finds nothing in an empty text', () => {
    expect(replaceYear('', 2021, 2022)).toEqual({ text: '', count: 0 });
  });
});
