export const vulnerabilityPolicies = ['report', 'hold-introduced'] as const;
export type VulnerabilityPolicy = (typeof vulnerabilityPolicies)[number];
