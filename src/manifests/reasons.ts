/** Why a site is left alone, in words a person can act on: one table, so tests and docs name the same text. */
export const reasons = {
  template:
    'template placeholder ({{…}}): the value is filled in when the template is rendered; pin it where it is set',
  empty: 'the image is empty',
  notText: 'the image is not a string',
  escaped:
    'the image is written with escapes or folded across lines, so it cannot be edited in place; write it on one line',
  composeBuild: 'names the image this service builds',
  composeVariable: 'variable: compose fills in ${…} from the environment; pin the value where it is set',
  workflowExpression: 'expression: ${{ … }} is known only when the job runs; pin the value where it is set',
  kubernetesVariable:
    'variable: a tool fills in $… before the manifest is applied; pin the value where it is set',
  kubernetesTemplate:
    'Go template (a Helm chart template): its images come from the chart values; pin them in values.yaml',
  helmVariable: 'variable: the value holds $…, which the chart fills in; pin the value where it is set',
  helmNoDigestKey: 'the chart has no digest key; a digest in `tag` may break its templates',
  helmMergedDigest:
    'the digest key comes through a merge key and belongs to the mapping it is written in; write the key out to pin it',
  aliasedDigest: 'the digest is an alias to another key; write it out to pin it',
  helmEmptyTag: 'the tag is empty: the chart uses its appVersion; set `tag` to pin it',
  helmNumericTag: 'the tag is a YAML number (1.20 reads as 1.2); quote it to pin it',
  kustomizeVariable: 'variable: the value holds $…, which a tool fills in; pin the value where it is set',
  kustomizeNoTag:
    'the entry sets no newTag: each resource keeps its own tag, so no one digest fits; add newTag to pin it',
  kustomizeNoName: 'an images entry needs a name',
  devcontainerVariable:
    'variable: ${…} is filled in by the dev container tools; pin the value where it is set',
  gitlabVariable:
    'variable: $… is a CI/CD variable, known only when the pipeline runs; pin the value where it is set',
} as const;
