// The GitHub Action entry (bundled to dist/index.js). The run itself comes with the action issue.
import * as core from '@actions/core';

core.setFailed('basepin: the GitHub Action is not implemented yet; use the basepin CLI.');
