import { portrait, type PersonName } from '../face/fixtures';

/** A head-and-shoulders photo of another person from the face-api samples. */
export const portraitOf = (name: PersonName) => portrait(name);
