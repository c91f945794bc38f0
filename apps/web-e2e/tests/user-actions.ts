import type { Locator } from '@playwright/test';

/**
 * Counts a user's effort as issue 12 defines it: one click, one field filled (typing or pasting into one field
 * counts once), or one key press that is not text (Tab, Enter, arrows). Every step of a counted test goes through
 * here, and the test prints the total and the steps.
 */
export class UserActions {
  private readonly steps: string[] = [];

  get count(): number {
    return this.steps.length;
  }

  async click(target: Locator, what: string): Promise<void> {
    await target.click();
    this.steps.push(`click ${what}`);
  }

  /** Typing one field, however long the text. */
  async fill(target: Locator, text: string, what: string): Promise<void> {
    await target.fill(text);
    this.steps.push(`fill ${what}`);
  }

  /** Pasting into one field (the browser's paste event with the text on the clipboard). */
  async paste(target: Locator, text: string, what: string): Promise<void> {
    await target.focus();
    await target.evaluate((element, pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    this.steps.push(`paste ${what}`);
  }

  async press(target: Locator, key: string, what: string): Promise<void> {
    await target.press(key);
    this.steps.push(`key ${key} ${what}`);
  }

  /** One line for the test's output: the total and every step in order. */
  report(task: string): string {
    return `[actions] ${task}: ${this.count} actions — ${this.steps.join(' · ')}`;
  }
}
