import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { firstSnapshot } from './first-snapshot';
import { Popup } from './Popup';

const root = document.getElementById('root');
if (root) {
  // Rendered once what it shows is read: the first paint is the cached figures, not an empty page.
  void firstSnapshot.then((snapshot) =>
    createRoot(root).render(
      <StrictMode>
        <Popup snapshot={snapshot} />
      </StrictMode>,
    ),
  );
}
