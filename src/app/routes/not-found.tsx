import { useLocation } from 'react-router';
import { NotFoundView } from '@/components/not-found-view';

export function Component() {
  const { pathname } = useLocation();
  return <NotFoundView pathname={pathname} />;
}
