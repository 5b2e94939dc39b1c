/**
 * Wraps the whole site (a safe swizzle: Root renders only its children) to
 * add what every page needs outside its layout: the offline badge.
 */
import type {ReactNode} from 'react';

import OfflineStatus from '@site/src/components/OfflineStatus';

export default function Root({children}: {readonly children: ReactNode}): ReactNode {
  return (
    <>
      {children}
      <OfflineStatus />
    </>
  );
}
