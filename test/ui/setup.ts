// jsdom has no layout engine and no ResizeObserver, which Fluent's MessageBar uses for reflow.
// A minimal observer that never fires is what a layout-less DOM would report anyway.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoLayoutResizeObserver;
