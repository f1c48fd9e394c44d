import type { z } from 'zod';
import type { ZCentralImportResult, ZSnapshotInfo, ZWindowStatus } from '../../../contracts/cycles';

/** Types the contracts define as schemas only. */
export type TSnapshotInfo = z.infer<typeof ZSnapshotInfo>;
export type TCentralImportResult = z.infer<typeof ZCentralImportResult>;
export type TWindowStatus = z.infer<typeof ZWindowStatus>;
export type { CycleWindow, ReviewState, UnitState } from '../../../contracts/cycle-domain';
