import type { Rule } from '../types';
import { AOS_CUSTOM_IMAGE, AOS_IMAGE_VERSION, AOS_UNLISTED_PLATFORM_IMAGE } from './imageRules';

/** The rules on automatic OS image upgrade prerequisites. One export per rule; add each here. */
export const AOS_RULES: readonly Rule[] = [
  AOS_IMAGE_VERSION,
  AOS_CUSTOM_IMAGE,
  AOS_UNLISTED_PLATFORM_IMAGE,
];
