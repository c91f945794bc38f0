// The page's Content-Security-Policy admits a <style> tag only with the nonce of that answer and no inline style
// attribute at all (ADR 0015). The API renders index.html per request and puts the nonce on
// <meta property="csp-nonce"> (Vite's `html.cspNonce`); browsers hide the attribute once the page is parsed, so it
// is read from the `nonce` property. Under `npm run dev` the page has no CSP and the meta holds Vite's placeholder,
// which does no harm.

/** The nonce of this page's policy, or undefined where the page has none (the unit tests' jsdom). */
export function cspNonce(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  return meta?.nonce || undefined;
}

/**
 * Lets the libraries under antd work under the policy without loosening it. antd's own styles get the nonce from
 * ConfigProvider's `csp`; these do not take one:
 *
 * - `<style>` tags written by @rc-component/util measuring the scrollbar (every antd Table) and by
 *   @rc-component/portal locking the page's scroll under a Modal: every <style> element `document.createElement`
 *   makes gets the page's nonce.
 * - @rc-component/input sizing an autoSize TextArea copies its style onto a hidden textarea with
 *   `setAttribute('style', …)`, an inline style attribute the policy refuses: on a textarea that call goes through
 *   the CSSOM (`style.cssText`), which the policy does not govern.
 *
 * Neither widens what the policy stops: only the app's own scripts run (script-src 'self'), and they can read the
 * nonce and use the CSSOM anyway; markup injected into the page (innerHTML) passes through neither and stays refused.
 */
export function adaptToCsp(nonce: string | undefined = cspNonce()): void {
  if (!nonce) return;
  const createElement = document.createElement.bind(document);
  document.createElement = ((tagName: string, options?: ElementCreationOptions) => {
    const element = createElement(tagName, options);
    if (element instanceof HTMLStyleElement) element.nonce = nonce;
    return element;
  }) as Document['createElement'];

  const setAttribute = Element.prototype.setAttribute;
  HTMLTextAreaElement.prototype.setAttribute = function (this: HTMLTextAreaElement, name: string, value: string) {
    if (name.toLowerCase() === 'style') this.style.cssText = value;
    else setAttribute.call(this, name, value);
  };
}
