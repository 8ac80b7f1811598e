/** Short names for the spec's schemas that the transaction domains answer with. */
import type { components } from '../../../sdk/generated/portal.ts';

type Schemas = components['schemas'];

export type Attachment = Schemas['Attachment'];
export type PageInfo = Schemas['PageInfo'];
export type ProviderReference = Schemas['ProviderReference'];
export type CodedDiagnosis = Schemas['CodedDiagnosis'];
export type Questionnaire = Schemas['Questionnaire'];
export type QuestionnaireResponse = Schemas['QuestionnaireResponse'];
