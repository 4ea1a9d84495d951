import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { CreateView } from './host-widget';

/** A widget drawn by React: one root per shadow root, given the page to show on each change. */
export function reactView<Page>(render: (page: Page, floating: boolean) => ReactNode): CreateView<Page> {
  return (container) => {
    const root = createRoot(container);
    return {
      render: (page, floating) => root.render(render(page, floating)),
      unmount: () => root.unmount(),
    };
  };
}
