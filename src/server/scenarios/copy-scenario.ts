import { cleanText } from '../../core/shared/text';
import type { Actor } from '../audit';
import type { Db } from '../db/client';
import { findScenario } from '../office/scenario-store';
import { assertValidScenario } from './check-scenario';
import { insertScenario } from './create-scenario';
import type { ScenarioListItem } from './scenarios-repo';

export interface CopyRequest {
  copyOf: string;
  code: string;
  name?: string;
}

/**
 * Copies a stored (or shipped) scenario under a new code and name, the way a scenario is adapted for
 * another year or agency: everything else is kept and edited afterwards.
 */
export async function copyScenario(db: Db, actor: Actor, req: CopyRequest): Promise<ScenarioListItem> {
  const source = await findScenario(db, req.copyOf);
  const name = req.name !== undefined ? cleanText(req.name) : `${source.document.name} (bản sao)`;
  const document = assertValidScenario({ ...structuredClone(source.document), code: req.code.trim(), name });
  return insertScenario(db, actor, document);
}
