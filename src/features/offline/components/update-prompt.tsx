import { Toast } from '@/components/ui/toast';
import { useServiceWorker } from '@/features/offline/hooks/use-service-worker';
import { applyUpdate, dismissUpdate } from '@/features/offline/lib/service-worker';

/** "Update available · Reload" when a new version is waiting; never reloads on its own. */
export function UpdatePrompt() {
  const { needRefresh } = useServiceWorker();
  return (
    <Toast
      open={needRefresh}
      message="Update available"
      actionLabel="Reload"
      onAction={applyUpdate}
      dismissLabel="Later"
      onDismiss={dismissUpdate}
    />
  );
}
