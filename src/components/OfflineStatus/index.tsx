/**
 * `<OfflineStatus>`: says so when the reader is offline, on every page
 * (src/theme/Root.tsx renders it). "Offline — reading the saved copy" when
 * the book's service worker serves the page (src/offline/), so every chapter
 * opens; otherwise a warning that other pages may not.
 *
 * The `role="status"` region is always in the page, empty while online, so
 * that screen readers announce the change when the connection drops.
 */
import {useEffect, useState, useSyncExternalStore, type ReactNode} from 'react';
import styles from './styles.module.css';

function subscribeToConnection(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** Whether the page is served by a service worker, which holds the saved copy of the book. */
function useServedFromSavedCopy(): boolean {
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!('serviceWorker' in navigator)) {
      return undefined;
    }
    const update = (): void => {
      setSaved(navigator.serviceWorker.controller !== null);
    };
    update();
    navigator.serviceWorker.addEventListener('controllerchange', update);
    return () => {
      navigator.serviceWorker.removeEventListener('controllerchange', update);
    };
  }, []);
  return saved;
}

export default function OfflineStatus(): ReactNode {
  // The server renders the page online; the browser says what is true now.
  const online = useSyncExternalStore(
    subscribeToConnection,
    () => navigator.onLine,
    () => true,
  );
  const saved = useServedFromSavedCopy();
  const message = online
    ? null
    : saved
      ? 'Offline — reading the saved copy'
      : 'Offline — other pages may not open until you reconnect';
  return (
    <div role="status" className={message ? styles.badge : undefined}>
      {message}
    </div>
  );
}
