/**
 * Browser features Grafana's Combobox needs and jsdom lacks. Import before rendering.
 *
 * The scaffold's jest setup stubs `canvas.getContext()` to return nothing; Combobox measures
 * option text with a 2D context to size its menu.
 */
const fakeContext = {
  font: '',
  measureText: (text: string) => ({ width: text.length * 7 }) as TextMetrics,
};
Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
  configurable: true,
  writable: true,
  value: () => fakeContext,
});

// The Combobox menu's scroll shadows observe visibility.
class FakeIntersectionObserver {
  readonly root = null;
  readonly rootMargin = '';
  readonly thresholds = [];
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
if (!('IntersectionObserver' in window)) {
  Object.defineProperty(window, 'IntersectionObserver', {
    configurable: true,
    writable: true,
    value: FakeIntersectionObserver,
  });
}

// jsdom lays nothing out, and Combobox's virtual list renders no options into a zero-size menu.
// A tall box lets every option of our short lists render.
Object.defineProperty(Element.prototype, 'getBoundingClientRect', {
  configurable: true,
  writable: true,
  value: () => ({
    width: 300,
    height: 2000,
    top: 0,
    left: 0,
    bottom: 2000,
    right: 300,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  }),
});
// @tanstack/virtual measures its scroll box with clientHeight / offsetHeight (version-dependent).
for (const [prop, size] of [
  ['clientHeight', 2000],
  ['clientWidth', 300],
  ['offsetHeight', 2000],
  ['offsetWidth', 300],
] as const) {
  Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => size });
}
