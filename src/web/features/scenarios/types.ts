/** Shapes of the scenario editor's API (`/api/scenarios`), from the contract. */

export type { TDryRun, TScenarioItem, TScenarioProblem } from '../../../contracts/scenarios';

/**
 * The parts of a scenario document the editor reads (the whole format is in
 * docs/formats/practice-scenario.md); any field may be missing while the JSON is being edited.
 */
export interface TScenarioDoc {
  code?: string;
  name?: string;
  year?: number;
  totalPoints?: number;
  description?: string;
  candidate?: { position?: string; agency?: { name?: string; abbreviation?: string; place?: string } };
  actors?: Partial<Record<'units' | 'people' | 'agencies', { key: string; name?: string }[]>> & {
    clerk?: { key: string; name?: string };
  };
  mails?: { key: string; from?: { name?: string; email?: string }; subject?: string; phishing?: boolean }[];
  incoming?: {
    key: string;
    numberSymbol?: string;
    subject?: string;
    arrivalNumber?: number;
    type?: string;
  }[];
  drafts?: { key: string; subject?: string; type?: string; recipients?: string[] }[];
  questions?: { key: string; prompt?: string; options?: { code: string; text: string }[] }[];
  tasks?: {
    id: string;
    title?: string;
    instruction?: string;
    points?: number;
    checks?: { id: string; label?: string; kind?: string; points?: number }[];
  }[];
  [key: string]: unknown;
}
