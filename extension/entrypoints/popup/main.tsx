// biome-ignore-all assist/source/organizeImports: first-snapshot goes first, so that storage is read while React's modules are evaluated.
import { firstSnapshot } from './first-snapshot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
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
