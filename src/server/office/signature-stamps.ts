import type { TSignatureBox } from '../signing/sign-pdf';
import type { PageBox } from './render-document-pdf';

/**
 * Where the two stamps go in the signer's blank space of a draft: the leader's signature on the right
 * and the agency's red seal to its left, touching it. ND 30 lays the seal over the left third of the
 * signature image; side by side keeps both stamps' text legible on screen.
 */
export function stampBoxes(slot: PageBox): { candidate: TSignatureBox; agency: TSignatureBox } {
  const split = slot.width * 0.42;
  return {
    candidate: {
      page: slot.page,
      x: slot.x + split,
      y: slot.y,
      width: slot.width - split,
      height: slot.height,
      mark: 'signature',
      layout: 'stacked',
    },
    agency: {
      page: slot.page,
      x: slot.x,
      y: slot.y,
      width: split,
      height: slot.height,
      mark: 'seal',
      layout: 'side',
    },
  };
}
