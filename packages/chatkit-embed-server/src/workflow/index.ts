/**
 * `chatkit-embed-server/workflow`: serves an Agent Builder export unchanged (its loader
 * compiles TypeScript with esbuild) and checks one before it is served.
 */
export { loadWorkflow, workflowResponder, type RunWorkflow, type WorkflowResponderOptions } from './workflow-responder.js';
export { inspectWorkflowSource } from './inspect-workflow.js';
export { formatWorkflowReport, hostedToolLabels, type WorkflowReport } from './workflow-report.js';
export { findSyntaxError, type SyntaxProblem } from './syntax-check.js';
