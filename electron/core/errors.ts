import { ERROR_STATUS, LEGACY_CODES, type ErrorBody, type ErrorCode, type FieldErrors } from '../../shared/errors';

interface DomainErrorExtras {
  /** This very failure locked the account; REST still answers 401 (docs/contract/API.md), the UI says so. */
  lockedNow?: boolean;
  fields?: FieldErrors;
  details?: unknown[];
  retryAfterSeconds?: number;
}

/**
 * An expected failure of a rule, with its place in the docs/contract/API.md error table. Services throw it;
 * each adapter turns it into its own wire shape. Anything else that escapes is a bug.
 */
export class DomainError extends Error {
  readonly status: number;

  constructor(
    readonly error: ErrorCode,
    message: string,
    readonly extras: DomainErrorExtras = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.status = ERROR_STATUS[error];
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { error: this.error, message: this.message };
    const code = (LEGACY_CODES as Partial<Record<ErrorCode, number>>)[this.error];
    if (code !== undefined) body.code = code;
    if (this.extras.fields) body.fields = this.extras.fields;
    if (this.extras.details) body.details = this.extras.details;
    return body;
  }
}

export const notFound = (model: 'User' | 'Product' | 'Order' | 'Role' | 'Register' | 'CashSession' | 'TimeEntry') =>
  new DomainError('not_found', `No ${model} matches the given query.`);

export const forbidden = (message = 'You do not have permission to perform this action.') => new DomainError('forbidden', message);

export const invalidField = (field: string, message: string) =>
  new DomainError('validation_failed', message, { fields: { [field]: [message] } });
