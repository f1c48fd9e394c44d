/** Pure index-set logic the web runs locally (live preview of rules, checks before saving). */

export { EXPRESSION_FUNCTIONS, MAX_POINTS_NAME } from '../core/framework/expression';
export type {
  Applicability,
  Band,
  Framework,
  FrameworkLevel,
  FrameworkNode,
  NodeKind,
  Rule,
  RuleInput,
  RuleType,
  ScoringPolicy,
} from '../core/framework/model';
export { FRAMEWORK_LEVELS, NODE_KINDS } from '../core/framework/model';
export type { RuleInputField, RuleOutcome } from '../core/framework/rules';
export { evaluateRule, ruleInputFields, validateRule } from '../core/framework/rules';
export {
  applicableNodes,
  findNode,
  flattenNodes,
  isApplicable,
  isLeaf,
  leafNodes,
  nodeTotals,
} from '../core/framework/tree';
export type { Issue } from '../core/framework/validate';
export { validateFramework } from '../core/framework/validate';
export type { Comparability, FrameworkDiff, NodeField, SetField } from '../core/framework/versions';
export { comparable, diffFrameworks } from '../core/framework/versions';
