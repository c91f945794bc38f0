// Jest (jsdom) setup: DOM matchers, and the browser APIs antd measures with that jsdom lacks.
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy… and waitFor give up after 1 s by default; antd pages on a busy 2-core machine take longer to settle.
configure({ asyncUtilTimeout: 5_000 });

if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
}

// antd reads computed styles for scrollbar sizes; jsdom's getComputedStyle rejects pseudo elements. (Specs that
// query styles all the time answer them from inline styles instead: withFastComputedStyle, ./fast-computed-style.ts.)
const computed = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computed(element);
