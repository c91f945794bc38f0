import { adaptToCsp, cspNonce } from './csp';

describe('the page’s Content-Security-Policy', () => {
  const createElement = document.createElement;
  afterEach(() => {
    document.createElement = createElement;
    // Back to the inherited Element.prototype.setAttribute.
    delete (HTMLTextAreaElement.prototype as Partial<HTMLTextAreaElement>).setAttribute;
    document.head.innerHTML = '';
  });

  it('nonce is read from the meta Vite emits, and absent where the page has none', () => {
    expect(cspNonce()).toBeUndefined();
    const meta = document.createElement('meta');
    meta.setAttribute('property', 'csp-nonce');
    meta.nonce = 'abc123';
    document.head.append(meta);
    expect(cspNonce()).toBe('abc123');
  });

  it('nonce goes onto every <style> a script creates, and onto nothing else', () => {
    adaptToCsp('abc123');
    expect(document.createElement('style').nonce).toBe('abc123');
    expect(document.createElement('div').nonce).toBe('');
    expect(document.createElement('script').nonce).toBe('');
  });

  it('a textarea’s style set as an attribute goes through the CSSOM, with the same result', () => {
    adaptToCsp('abc123');
    const textarea = document.createElement('textarea');
    textarea.setAttribute('style', 'height: 40px; visibility: hidden');
    expect(textarea.style.height).toBe('40px');
    expect(textarea.style.visibility).toBe('hidden');
    textarea.setAttribute('rows', '3');
    expect(textarea.rows).toBe(3);
    // Other elements keep the DOM's own method.
    expect(HTMLDivElement.prototype.setAttribute).toBe(Element.prototype.setAttribute);
  });

  it('changes nothing where the page has no nonce', () => {
    adaptToCsp(undefined);
    expect(document.createElement).toBe(createElement);
    expect(HTMLTextAreaElement.prototype.setAttribute).toBe(Element.prototype.setAttribute);
  });
});
