/**
 * `chatkit-embed-server/workflow`: serves an Agent Builder export unchanged (its loader
 * compiles TypeScript with esbuild) and checks one before it is served.
 */
export { loadWorkflow, workflowResponder, type RunWorkflow, type WorkflowResponderOptions } from './workflow-responder.js';
export { inspectWorkflowSource, formatWorkflowReport, hostedToolLabels, type WorkflowReport } from './inspect-workflow.js';
export { findSyntaxError, type SyntaxProblem } from './syntax-check.js';
