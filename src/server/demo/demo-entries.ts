import { outcomePoints, selfOutcome } from '../../core/cycle/entry-score';
import { sampleInputs } from '../../core/cycle/sample-inputs';
import type { Framework, FrameworkNode, RuleInput } from '../../core/framework/model';
import { applicableNodes, isLeaf } from '../../core/framework/tree';
import { roundPoints } from '../../core/scoring/rounding';

/** One unit's appraised entry of a past cycle, as the review and the council left it. */
export interface DemoEntry {
  code: string;
  inputs: RuleInput | null;
  notApplicable: string | null;
  selfPoints: number | null;
  review: 'agreed' | 'adjusted';
  appraisedPoints: number | null;
  reviewReason: string | null;
  finalPoints: number | null;
  finalReason: string | null;
  /** The unit attached a document (only where the set names one and points are claimed). */
  evidence: boolean;
}

const NOT_APPLICABLE = 'Đơn vị không phát sinh nội dung này trong năm đánh giá';
const ADJUST_REASON = 'Tài liệu kiểm chứng chưa chứng minh đầy đủ số liệu kê khai';
const COUNCIL_REASON = 'Hội đồng thẩm định công nhận một phần giải trình bổ sung của đơn vị';

function selfPointsOf(node: FrameworkNode, f: Framework, inputs: RuleInput): number | null {
  return outcomePoints(selfOutcome(node, f.policy, { inputs, notApplicable: null, central: null }));
}

/**
 * A unit's entries for every applicable indicator of a past year. `skill` (0–1) is how often the better
 * of two drawn answers is kept, so units differ in level while every rule type keeps its own scale.
 * Some indicators are declared not applicable where the set allows it, some are adjusted down by the
 * reviewers (the self vs appraised gap), a few are partly restored by the council, and evidence is
 * attached to a share of the indicators that need it.
 */
export function demoEntries(
  f: Framework,
  unit: { level: 'so' | 'huyen' | 'xa'; groupNo: number | null },
  random: () => number,
  skill: number,
  evidenceShare: number,
): DemoEntry[] {
  const leaves = applicableNodes(f, unit.level, unit.groupNo).filter(isLeaf);
  return leaves.map((node) => {
    if (node.mayBeNotApplicable && random() < 0.3) {
      return {
        code: node.code,
        inputs: null,
        notApplicable: NOT_APPLICABLE,
        selfPoints: null,
        review: 'agreed',
        appraisedPoints: null,
        reviewReason: null,
        finalPoints: null,
        finalReason: null,
        evidence: false,
      };
    }
    const a = sampleInputs(node, random);
    const b = sampleInputs(node, random);
    const [pa, pb] = [selfPointsOf(node, f, a) ?? 0, selfPointsOf(node, f, b) ?? 0];
    const keepBetter = random() < skill;
    const inputs = pa >= pb === keepBetter ? a : b;
    const self = selfPointsOf(node, f, inputs);
    const entry: DemoEntry = {
      code: node.code,
      inputs,
      notApplicable: null,
      selfPoints: self,
      review: 'agreed',
      appraisedPoints: null,
      reviewReason: null,
      finalPoints: null,
      finalReason: null,
      evidence: Boolean(node.evidence?.trim()) && (self ?? 0) > 0 && random() < evidenceShare,
    };
    // Claims without evidence are the ones reviewers cut most often.
    if (self !== null && self > 0 && random() < (entry.evidence ? 0.08 : 0.45)) {
      const appraised = roundPoints(self * (random() < 0.5 ? 0.5 : 0.75), f.policy.rounding);
      Object.assign(entry, { review: 'adjusted', appraisedPoints: appraised, reviewReason: ADJUST_REASON });
      if (random() < 0.1) {
        entry.finalPoints = roundPoints((self + appraised) / 2, f.policy.rounding);
        entry.finalReason = COUNCIL_REASON;
      }
    }
    return entry;
  });
}
