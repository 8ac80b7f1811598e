/**
 * The two health plans that share the provider portal: "EmblemHealth and ConnectiCare continue to
 * update the provider portals to make it easier to use and to simplify how we work together" (seed 003).
 * A member, and what is about the member, belongs to one of them; an account sees the plans it was
 * opened for, both once consolidated.
 */
import * as z from 'zod/mini';

/** The plans, in the order the portal names them. */
export const HEALTH_PLANS = ['emblemhealth', 'connecticare'] as const;

/**
 * EmblemHealth or ConnectiCare.
 *
 * @example
 * const plan: HealthPlan = 'connecticare';
 */
export type HealthPlan = (typeof HEALTH_PLANS)[number];

/**
 * A health plan in a request body or query.
 *
 * @example
 * HealthPlanSchema.safeParse('connecticare').success; // true
 */
export const HealthPlanSchema = z.enum(HEALTH_PLANS);
