import { allow } from '../core/policy';

/** Red flags are listed to the supervisors and institution admins, each within the institution scope. */
allow(['brigade', 'detachment', 'institution_admin'], 'list', 'red_flag');
