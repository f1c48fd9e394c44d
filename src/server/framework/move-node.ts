import type { TMoveNode } from '../../contracts/frameworks';
import { AppError } from '../../core/shared/app-error';
import type { Actor } from '../audit';
import type { Db } from '../db/client';
import { editDocument } from './edit-document';
import { isDescendant, locate } from './node-tree';
import { nodeNotFound } from './update-node';

/** Moves a node (with its subtree) under another parent or to another position among its siblings. */
export async function moveNode(db: Db, actor: Actor, id: string, code: string, to: TMoveNode) {
  await editDocument(db, actor, id, 'move_node', (doc) => {
    const at = locate(doc.nodes, code);
    if (!at) throw nodeNotFound(code);
    if (to.parentCode === code || (to.parentCode !== null && isDescendant(at.node, to.parentCode)))
      throw new AppError(
        'validation_failed',
        'Không thể chuyển một chỉ số vào chính nó hoặc chỉ số con của nó',
      );
    const before = { parentCode: at.parent?.code ?? null, index: at.index };
    at.siblings.splice(at.index, 1);
    if (at.parent && at.parent.children?.length === 0) delete at.parent.children;
    let target = doc.nodes;
    if (to.parentCode !== null) {
      const parent = locate(doc.nodes, to.parentCode);
      if (!parent) throw nodeNotFound(to.parentCode);
      parent.node.children ??= [];
      delete parent.node.rule;
      target = parent.node.children;
    }
    target.splice(Math.min(to.index, target.length), 0, at.node);
    return { document: doc, before: { code, ...before }, after: { code, ...to } };
  });
}
