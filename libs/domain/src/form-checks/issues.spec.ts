import { fieldError, fieldWarning, hasErrors, ISSUE_CODES } from './issues';

describe('hasErrors', () => {
  it('is false for no issues and for warnings only', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([fieldWarning('funds.totalAmount', ISSUE_CODES.fundsBlank, '项目资金总额未填写')])).toBe(false);
  });

  it('is true when one issue is an error', () => {
    expect(
      hasErrors([
        fieldWarning('funds.totalAmount', ISSUE_CODES.fundsBlank, '项目资金总额未填写'),
        fieldError('project.name', ISSUE_CODES.projectNameBlank, '项目名称未填写'),
      ]),
    ).toBe(true);
  });
});
