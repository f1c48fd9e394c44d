import type { Actor } from '../audit';
import type { Db } from '../db/client';
import { editDocument } from './edit-document';
import { countNodes, locate } from './node-tree';
import { nodeNotFound } from './update-node';

/** Removes a node with its whole subtree; the audit entry keeps the removed subtree. */
export async function deleteNode(db: Db, actor: Actor, id: string, code: string) {
  await editDocument(db, actor, id, 'delete_node', (doc) => {
    const at = locate(doc.nodes, code);
    if (!at) throw nodeNotFound(code);
    at.siblings.splice(at.index, 1);
    if (at.parent && at.parent.children?.length === 0) delete at.parent.children;
    const removed = countNodes({ ...doc, nodes: [at.node] });
    return {
      document: doc,
      before: { parentCode: at.parent?.code ?? null, node: at.node },
      after: { removed },
    };
  });
}
