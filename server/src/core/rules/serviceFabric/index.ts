import type { Rule } from '../types';

/** The rules on Service Fabric node types. One export per rule; add each here. */
export const SERVICE_FABRIC_RULES: readonly Rule[] = [];
