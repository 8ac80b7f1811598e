/**
 * The rules module's zod schemas and the OpenAPI contract describe the same inputs. These checks tie
 * them together at compile time: a field renamed, added or retyped on one side and not the other
 * fails the typecheck (tsc and vitest's typecheck), so the spec and the rules cannot drift silently.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod/mini';
import type { components, operations } from '../../sdk/generated/portal.ts';
import type {
  AdmissionNotificationCreateSchema,
  ClaimsSearchSchema,
  MemberSearchQuerySchema,
  MessageCreateSchema,
  OrganizationRegistrationSchema,
  PreauthorizationCreateSchema,
  PreauthorizationModificationCreateSchema,
  ReferralCreateSchema,
  ReferralSearchSchema,
  UserInvitationRequestSchema,
  UserRegistrationSchema,
} from '../../sdk/rules/index.ts';

type Schemas = components['schemas'];
type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

/** The keys of a query object. */
type Keys<T> = T extends object ? keyof T : never;
/**
 * zod writes an optional property as `x?: T | undefined`, openapi-typescript as `x?: T`; under
 * exactOptionalPropertyTypes the two differ only in that spelling, so compare without it.
 */
type Defined<T> = T extends readonly (infer U)[]
  ? Defined<U>[]
  : T extends object
    ? { [K in keyof T]: Defined<Exclude<T[K], undefined>> }
    : T;
type Out<S extends z.ZodMiniType> = Defined<z.output<S>>;
type In<S extends z.ZodMiniType> = Defined<z.input<S>>;
type Spec<K extends keyof Schemas> = Defined<Schemas[K]>;

describe('rules schemas match the contract', () => {
  it('accepts what the contract accepts and produces what it declares', () => {
    // What a validator accepts as valid is a body the contract types describe …
    expectTypeOf<Out<typeof PreauthorizationCreateSchema>>().toExtend<Spec<'PreauthorizationCreate'>>();
    expectTypeOf<Out<typeof ReferralCreateSchema>>().toExtend<Spec<'ReferralCreate'>>();
    expectTypeOf<Out<typeof MessageCreateSchema>>().toExtend<Spec<'MessageCreate'>>();
    expectTypeOf<Out<typeof AdmissionNotificationCreateSchema>>().toExtend<
      Spec<'AdmissionNotificationCreate'>
    >();
    expectTypeOf<Out<typeof PreauthorizationModificationCreateSchema>>().toExtend<
      Spec<'PreauthorizationModificationCreate'>
    >();
    expectTypeOf<Out<typeof UserInvitationRequestSchema>>().toExtend<Spec<'UserInvitationRequest'>>();
    expectTypeOf<Out<typeof OrganizationRegistrationSchema>>().toExtend<
      Spec<'OrganizationRegistrationRequest'>
    >();
    // The contract's oneOf (application key OR registration code) and zod's refinement differ in
    // shape, so this one compares the fields it names.
    expectTypeOf<Keys<Out<typeof UserRegistrationSchema>>>().toEqualTypeOf<
      Keys<Spec<'UserRegistrationRequest'>>
    >();
    // … and every body the contract describes has the fields the validator reads.
    expectTypeOf<Spec<'PreauthorizationCreate'>>().toExtend<In<typeof PreauthorizationCreateSchema>>();
    expectTypeOf<Spec<'ReferralCreate'>>().toExtend<In<typeof ReferralCreateSchema>>();
    expectTypeOf<Spec<'MessageCreate'>>().toExtend<In<typeof MessageCreateSchema>>();
    expectTypeOf<Spec<'AdmissionNotificationCreate'>>().toExtend<
      In<typeof AdmissionNotificationCreateSchema>
    >();
  });

  it('reads the query parameters the contract declares', () => {
    expectTypeOf<Keys<In<typeof MemberSearchQuerySchema>>>().toExtend<Keys<Query<'searchMembers'>>>();
    expectTypeOf<Keys<In<typeof ClaimsSearchSchema>>>().toExtend<Keys<Query<'searchClaims'>>>();
    expectTypeOf<Keys<In<typeof ReferralSearchSchema>>>().toExtend<Keys<Query<'searchReferrals'>>>();
  });
});
