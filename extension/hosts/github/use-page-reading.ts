import { useEffect, useState } from 'react';

/**
 * What `read` finds in the page, read again when the page changes: GitHub renders the header
 * summary and the sidebar after the header, and replaces them in place. One read per frame at
 * most; the observer goes with the widget.
 */
export function usePageReading<T>(read: () => T): T {
  const [value, setValue] = useState(read);
  useEffect(() => {
    let frame = 0;
    const reread = () => {
      frame = 0;
      const next = read();
      setValue((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
    };
    const observer = new MutationObserver(() => {
      frame ||= window.requestAnimationFrame(reread);
    });
    // The whole document, not `body`: Turbo replaces `body` and keeps the widget.
    observer.observe(document.documentElement, { childList: true, subtree: true });
    reread();
    return () => {
      observer.disconnect();
      window.cancelAnimationFrame(frame);
    };
  }, [read]);
  return value;
}
