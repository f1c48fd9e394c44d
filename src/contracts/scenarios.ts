import { z } from 'zod';

/** Request and response shapes of the scenario editor's API (`/api/scenarios`). */

export const ZScenarioCodeParam = z.object({ code: z.string().min(1).max(100) });

export const ZScenarioListQuery = z.object({ q: z.string().max(200).optional() });

export const ZScenarioListItem = z.object({
  code: z.string(),
  name: z.string(),
  year: z.number().int(),
  totalPoints: z.number(),
  taskCount: z.number().int(),
  shipped: z.boolean(),
  usedBy: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TScenarioItem = z.infer<typeof ZScenarioListItem>;
export const ZScenarioList = z.object({ items: z.array(ZScenarioListItem) });

/** A scenario document as JSON; its content is checked by the core's validator, not by the schema. */
export const ZScenarioDocument = z.record(z.string(), z.unknown());

export const ZCopyRequest = z.object({
  copyOf: z.string().min(1).max(100),
  code: z.string().max(100),
  name: z.string().max(500).optional(),
});

export const ZUpdateQuery = z.object({ version: z.coerce.number().int().positive().optional() });

export const ZScenarioProblem = z.object({ path: z.string(), message: z.string() });
export type TScenarioProblem = z.infer<typeof ZScenarioProblem>;
export const ZScenarioProblems = z.object({ problems: z.array(ZScenarioProblem) });

/** Preview and dry run try the stored scenario, or the document being edited when one is sent. */
export const ZTryRequest = z.object({ scenario: z.unknown().optional() }).optional();

export const ZDryRun = z.object({
  scenarioCode: z.string(),
  candidateName: z.string(),
  total: z.number(),
  awarded: z.number(),
  tasks: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      instruction: z.string(),
      points: z.number(),
      awarded: z.number(),
      checks: z.array(
        z.object({
          id: z.string(),
          kind: z.string(),
          label: z.string(),
          points: z.number(),
          passed: z.boolean(),
          reason: z.string(),
        }),
      ),
    }),
  ),
});
export type TDryRun = z.infer<typeof ZDryRun>;
