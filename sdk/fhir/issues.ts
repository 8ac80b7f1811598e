/**
 * What a reader finds wrong in a FHIR Bundle before any business rule is asked: a FHIR issue type
 * (OperationOutcome.issue.code), the FHIRPath of the element, and a sentence. The mock answers them
 * as an OperationOutcome; the SDK throws them as a PortalValidationError.
 */

/** The FHIR issue types (IssueType value set) this project answers. */
export type FhirIssueType =
  | 'invalid'
  | 'structure'
  | 'required'
  | 'value'
  | 'invariant'
  | 'not-supported'
  | 'business-rule'
  | 'code-invalid'
  | 'processing'
  | 'security'
  | 'login'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'duplicate'
  | 'too-costly'
  | 'throttled'
  | 'exception'
  | 'transient';

/** One thing wrong with a Bundle, where and why. */
export interface FhirIssue {
  code: FhirIssueType;
  /** The FHIRPath of the element, from the Bundle (`Bundle.entry[0].resource.use`). */
  expression: string;
  diagnostics: string;
}
