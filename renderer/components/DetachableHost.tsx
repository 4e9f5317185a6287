import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * Renders its children into a node that is taken out of the document while `attached` is
 * false. React keeps the tree and its state (a half-typed form survives a screen lock), while
 * nothing of it can be seen, read by assistive technology, found by a selector or printed.
 */
export function DetachableHost({ attached, children }: { attached: boolean; children: ReactNode }) {
  const [host] = useState(() => {
    const node = document.createElement('div');
    node.className = 'udc-app-host';
    return node;
  });
  const anchorRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const anchor = anchorRef.current;
    if (attached && anchor) anchor.appendChild(host);
    else host.remove();
  }, [attached, host]);

  useLayoutEffect(() => () => host.remove(), [host]);

  return (
    <>
      <div ref={anchorRef} style={{ display: 'contents' }} />
      {createPortal(children, host)}
    </>
  );
}
