import type { TAddNode } from '../../contracts/frameworks';
import { AppError } from '../../core/shared/app-error';
import type { Actor } from '../audit';
import type { Db } from '../db/client';
import { editDocument } from './edit-document';
import { assertRuleUsable, nodeFromFields, ownFields } from './node-fields';
import { locate } from './node-tree';
import { nodeNotFound } from './update-node';

/** Adds a node under a parent (or at the top level); a parent that had a rule loses it, being no leaf now. */
export async function addNode(db: Db, actor: Actor, id: string, input: TAddNode) {
  await editDocument(db, actor, id, 'add_node', (doc) => {
    if (locate(doc.nodes, input.node.code))
      throw new AppError('conflict', `Mã ${input.node.code} đã có trong bộ chỉ số`, [
        { path: 'code', message: 'Mã đã được dùng' },
      ]);
    let siblings = doc.nodes;
    if (input.parentCode !== null) {
      const parent = locate(doc.nodes, input.parentCode);
      if (!parent) throw nodeNotFound(input.parentCode);
      parent.node.children ??= [];
      delete parent.node.rule;
      siblings = parent.node.children;
    }
    const node = nodeFromFields(input.node);
    assertRuleUsable(node);
    siblings.splice(Math.min(input.index ?? siblings.length, siblings.length), 0, node);
    return { document: doc, before: null, after: { parentCode: input.parentCode, ...ownFields(node) } };
  });
}
