import type { TNodePatch } from '../../contracts/frameworks';
import { AppError } from '../../core/shared/app-error';
import type { Actor } from '../audit';
import type { Db } from '../db/client';
import { editDocument } from './edit-document';
import { assertRuleUsable, nodeFromFields, ownFields } from './node-fields';
import { locate } from './node-tree';

export function nodeNotFound(code: string): AppError {
  return new AppError('not_found', `Không tìm thấy chỉ số có mã ${code}`);
}

/**
 * Replaces a node's fields and rule, keeping its children. A new code is recorded in `renamedFrom` when
 * the version descends from another, so year-over-year comparison still pairs the node.
 */
export async function updateNode(db: Db, actor: Actor, id: string, code: string, patch: TNodePatch) {
  await editDocument(db, actor, id, 'update_node', (doc) => {
    const at = locate(doc.nodes, code);
    if (!at) throw nodeNotFound(code);
    const before = ownFields(at.node);
    const next = nodeFromFields(patch, at.node.children);
    if (next.children && next.rule) {
      throw new AppError('validation_failed', 'Chỉ số có chỉ số con không có cách tính điểm riêng', [
        { path: 'rule', message: 'Chỉ các chỉ số lá mới có cách tính điểm' },
      ]);
    }
    assertRuleUsable(next);
    if (next.code !== code) {
      if (locate(doc.nodes, next.code))
        throw new AppError('conflict', `Mã ${next.code} đã có trong bộ chỉ số`, [
          { path: 'code', message: 'Mã đã được dùng' },
        ]);
      const renamed = { ...(doc.renamedFrom ?? {}) };
      const origin = Object.keys(renamed).find((k) => renamed[k] === code);
      if (origin !== undefined) renamed[origin] = next.code;
      else renamed[code] = next.code;
      doc.renamedFrom = renamed;
    }
    at.siblings[at.index] = next;
    return { document: doc, before, after: ownFields(next) };
  });
}
