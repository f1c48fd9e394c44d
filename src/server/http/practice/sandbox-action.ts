import type { TComposeInput, TPracticeAction } from '../../../contracts/practice';
import type { AttachmentInput, ComposeInput } from '../../../core/office/mail';
import type { SandboxAction } from '../../office/sandbox-actions';

/**
 * The service's form of a compose request. An upload is named by its ref only: the name, type, size
 * and hash are filled from the store by `applyAction`, so the blanks here are never used.
 */
function composeInput(input: TComposeInput): ComposeInput {
  const { attachments, ...rest } = input;
  if (!attachments) return rest;
  return {
    ...rest,
    attachments: attachments.map(
      (a): AttachmentInput =>
        'upload' in a ? { upload: { ref: a.upload.ref, fileName: '', mediaType: '' } } : a,
    ),
  };
}

/** The service's form of a validated request action. */
export function sandboxAction(action: TPracticeAction): SandboxAction {
  if (action.type === 'send_mail' || action.type === 'save_mail_draft') {
    return { type: action.type, input: composeInput(action.input) };
  }
  return action;
}
