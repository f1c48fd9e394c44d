import type { vi } from './vi';

/** The shape every language file must have: the same keys as vi.ts, any text. */
export type Translation = { [K in keyof typeof vi]: { [L in keyof (typeof vi)[K]]: string } };
