/**
 * jsdom computes a style by matching every rule antd injected (~0.1–0.4 s a call on a busy machine), and
 * both the growing text areas (antd's autoSize, on every change) and Testing Library's role queries ask
 * for styles all the time: a test of the whole editor took minutes. jsdom lays nothing out, so no
 * assertion here depends on the answer: for the duration of the file, each element's own inline style
 * answers, with 0px for the paddings and borders the text areas add up (else their height is NaN).
 */
export function withFastComputedStyle(): void {
  const computedStyle = window.getComputedStyle;
  beforeAll(() => {
    window.getComputedStyle = ((element: Element) =>
      inlineStyle(element as HTMLElement)) as typeof window.getComputedStyle;
  });
  afterAll(() => {
    window.getComputedStyle = computedStyle;
  });
}

const SIZE = /^(padding|border)-(top|bottom|left|right)(-width)?$/;

function inlineStyle(element: HTMLElement): CSSStyleDeclaration {
  const style = element.style;
  return new Proxy(style, {
    get(target, property) {
      if (property === 'getPropertyValue')
        return (name: string) => target.getPropertyValue(name) || (SIZE.test(name) ? '0px' : '');
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
