import { Alert } from 'antd';

/** One message of a refused save (400): where (an input's `data-field-id`, a label in the words of the sheet) and what. */
export interface SaveErrorItem {
  fieldId: string | null;
  label: string;
  message: string;
}

export interface SaveErrorsProps {
  /** The messages of the last 400, in the server's order. */
  summary: readonly SaveErrorItem[];
  /** Any other failure of the save (network, 5xx). */
  failure: string | null;
  onCloseFailure: () => void;
  /** Puts the focus on an input (the summary's links). */
  onFocus: (fieldId: string) => void;
}

/** Above an editor's sheet: what the server refused, each linked to its input, and other failures of the save. */
export function SaveErrors({ summary, failure, onCloseFailure, onFocus }: SaveErrorsProps) {
  return (
    <>
      {summary.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="form-alert no-print"
          title={`未保存：有 ${summary.length} 处需要修改（你的输入都还在）`}
          description={
            <ul className="issue-list">
              {summary.map((item, i) => (
                <li key={i}>
                  {item.fieldId ? (
                    <a href={`#${item.fieldId}`} onClick={(e) => (e.preventDefault(), onFocus(item.fieldId!))}>
                      {item.label}
                    </a>
                  ) : (
                    item.label && <strong>{item.label}</strong>
                  )}
                  {item.label ? '：' : ''}
                  {item.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          className="form-alert no-print"
          title="保存失败"
          description={failure}
          closable
          onClose={onCloseFailure}
        />
      )}
    </>
  );
}
