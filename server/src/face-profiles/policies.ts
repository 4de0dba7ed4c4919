import { allow } from '../core/policy';
import type { FaceProfile } from './models';

/** The brigade reviews face profiles; a photo is seen by the brigade and by its owner. */
allow(['brigade'], 'list', 'face_profile');
// A profile already reviewed is refused by the review itself (409), not by the policy.
allow(['brigade'], ['approve', 'reject'], 'face_profile');
allow<FaceProfile>(
  '*',
  'readPhoto',
  'face_profile',
  (actor, p) => actor.kind === 'brigade' || p.accountId === actor.id,
);
