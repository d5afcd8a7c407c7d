import { useEffect, useSyncExternalStore } from 'react';
import {
  getServiceWorkerState,
  registerServiceWorker,
  subscribeServiceWorker,
  type ServiceWorkerState,
} from '@/features/offline/lib/service-worker';

/** Registers the service worker on first use and follows its state. */
export function useServiceWorker(): ServiceWorkerState {
  useEffect(() => registerServiceWorker(), []);
  return useSyncExternalStore(subscribeServiceWorker, getServiceWorkerState, getServiceWorkerState);
}
